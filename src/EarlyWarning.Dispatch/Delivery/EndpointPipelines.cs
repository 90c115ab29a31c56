using System.Collections.Concurrent;
using System.Net;
using EarlyWarning.Dispatch.Configuration;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace EarlyWarning.Dispatch.Delivery;

/// <summary>
/// One Polly pipeline per endpoint URL, built once and kept: retry (exponential back-off with jitter) around a circuit
/// breaker around a per-attempt timeout. The circuit breaker's state lives in the pipeline, so every delivery to one
/// URL, whichever recipient or warning it is for, shares it: a dead SOC endpoint fails fast for all of them.
/// </summary>
internal sealed class EndpointPipelines(DeliveryPolicy policy, ILogger logger)
{
    private readonly ConcurrentDictionary<string, ResiliencePipeline<HttpResponseMessage>> _pipelines = new(StringComparer.Ordinal);

    public ResiliencePipeline<HttpResponseMessage> For(Uri endpoint) => _pipelines.GetOrAdd(endpoint.AbsoluteUri, Build);

    /// <summary>
    /// Worth another attempt: the receiver is failing (5xx), timed out (408) or asks to slow down (429). Any other
    /// answer is the receiver's considered refusal of this request, and sending it again would get the same answer.
    /// </summary>
    public static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    /// <summary>The delay a response's <c>Retry-After</c> asks for (seconds or a date), at most <paramref name="max"/>; null without one.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan max, DateTimeOffset now)
    {
        if (response?.Headers.RetryAfter is not { } retryAfter)
            return null;
        var delay = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - now : null);
        return delay is null ? null : TimeSpan.FromTicks(Math.Clamp(delay.Value.Ticks, 0, max.Ticks));
    }

    private ResiliencePipeline<HttpResponseMessage> Build(string endpoint)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { Name = $"webhook {endpoint}" };
        if (policy.Attempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    // An open circuit is waited out like any failure; the back-off reaches past its break.
                    .Handle<BrokenCircuitException>()
                    .HandleResult(r => IsTransient(r.StatusCode)),
                MaxRetryAttempts = policy.Attempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = policy.BaseDelay,
                MaxDelay = policy.MaxDelay,
                // A receiver that says when to come back (429 or 503 with Retry-After) is taken at its word, up to MaxDelay.
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, policy.MaxDelay, TimeProvider.System.GetUtcNow())),
                OnRetry = args =>
                {
                    logger.LogDebug("Delivery to {Endpoint} failed ({Outcome}); attempt {Attempt} in {Delay}", endpoint,
                        args.Outcome.Exception?.Message ?? $"HTTP {(int)args.Outcome.Result!.StatusCode}", args.AttemptNumber + 2, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        }
        var breaker = policy.CircuitBreaker;
        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                .Handle<HttpRequestException>()
                .Handle<TimeoutRejectedException>()
                .HandleResult(r => IsTransient(r.StatusCode)),
            FailureRatio = breaker.FailureRatio,
            MinimumThroughput = breaker.MinimumThroughput,
            SamplingDuration = breaker.SamplingDuration,
            BreakDuration = breaker.BreakDuration,
            OnOpened = args =>
            {
                logger.LogWarning("Circuit to {Endpoint} opened for {Break}: too many failed deliveries", endpoint, args.BreakDuration);
                return ValueTask.CompletedTask;
            },
            OnClosed = _ =>
            {
                logger.LogInformation("Circuit to {Endpoint} closed: deliveries go through again", endpoint);
                return ValueTask.CompletedTask;
            },
        });
        builder.AddTimeout(policy.AttemptTimeout);
        return builder.Build();
    }
}
