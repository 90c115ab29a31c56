using System.Net.Http.Headers;
using EarlyWarning.Dispatch.Configuration;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace EarlyWarning.Dispatch.Delivery;

/// <summary>
/// Posts one signed webhook through its endpoint's pipeline and says how it ended; records nothing itself. Every
/// webhook of the system goes through one of these: the dispatch's to SOCs, and the partners' with their own policy.
/// </summary>
public sealed class WebhookSender : IDisposable
{
    private readonly HttpClient _http;
    private readonly EndpointPipelines _pipelines;
    private readonly TimeProvider _clock;

    /// <param name="policy">Retries, timeouts and circuit breaking for every endpoint this sender posts to.</param>
    /// <param name="clock">Signs each attempt with its time.</param>
    /// <param name="logger">Retries and circuit changes.</param>
    public WebhookSender(DeliveryPolicy policy, TimeProvider clock, ILogger<WebhookSender> logger)
    {
        ArgumentNullException.ThrowIfNull(policy);
        _clock = clock;
        _pipelines = new EndpointPipelines(policy, logger);
        // The pipeline's timeout bounds each attempt; the client's own would cut across retries. A redirect is not
        // followed: a POST would turn into a GET, and a webhook URL should name the endpoint itself.
        _http = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectTimeout = policy.AttemptTimeout,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>Posts <paramref name="body"/> to <paramref name="url"/>, signed with <paramref name="secret"/>, until the policy lets go.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled: nothing is known of the outcome.</exception>
    public async Task<DeliveryResult> SendAsync(Uri url, string secret, byte[] body, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(secret);
        var log = new AttemptLog();
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            using var response = await _pipelines.For(url).ExecuteAsync(
                (ctx, state) => PostAsync(state.Url, state.Secret, state.Body, state.Key, state.Log, ctx.CancellationToken),
                context,
                (Url: url, Secret: secret, Body: body, Key: idempotencyKey, Log: log)).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
                return new DeliveryResult(true, log.Requests, status, null);
            var reason = EndpointPipelines.IsTransient(response.StatusCode)
                ? $"HTTP {status} {response.ReasonPhrase} on the last of {log.Requests} attempts"
                : $"HTTP {status} {response.ReasonPhrase}: the receiver refused the request, which is not retried";
            return new DeliveryResult(false, log.Requests, status, reason);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or BrokenCircuitException)
        {
            var reason = ex switch
            {
                TimeoutRejectedException => $"no answer within the attempt timeout on the last of {log.Requests} attempts",
                BrokenCircuitException => $"the circuit to {url} is open after repeated failures ({log.Requests} attempts were sent)",
                _ => $"{ex.Message} on the last of {log.Requests} attempts",
            };
            return new DeliveryResult(false, log.Requests, log.LastStatus, reason);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask<HttpResponseMessage> PostAsync(Uri url, string secret, byte[] body, string key, AttemptLog log, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref log.Requests);
        var timestamp = _clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } } },
        };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, timestamp, body));
        request.Headers.Add(WebhookSignature.IdempotencyKeyHeader, key);
        var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        log.LastStatus = (int)response.StatusCode;
        return response;
    }

    public void Dispose() => _http.Dispose();
}
