using System.Collections.Concurrent;
using System.Text.Json;
using EarlyWarning.Dispatch.Delivery;
using EarlyWarning.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EarlyWarning.Dispatch.Tests;

/// <summary>
/// A SOC's webhook receiver on real Kestrel at a free port of 127.0.0.1, one path per endpoint: it checks each
/// request's signature with the endpoint's secret, as a receiver's engineer would, and keeps every request.
/// </summary>
public sealed class Receiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ReceiverEndpoint> _endpoints = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();

    private Receiver(WebApplication app, Uri root)
    {
        _app = app;
        Root = root;
    }

    public Uri Root { get; }

    public IReadOnlyList<ReceivedRequest> Requests => [.. _requests];

    public static async Task<Receiver> StartAsync()
    {
        var root = new Uri($"http://127.0.0.1:{Ports.Free()}/");
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], EnvironmentName = "Testing" });
        builder.WebHost.UseUrls(root.ToString());
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var receiver = new Receiver(app, root);
        app.MapPost("/{endpoint}", receiver.HandleAsync);
        await app.StartAsync();
        return receiver;
    }

    public Uri Add(string name, ReceiverEndpoint endpoint)
    {
        _endpoints[name] = endpoint;
        return new Uri(Root, name);
    }

    public IReadOnlyList<ReceivedRequest> For(string endpoint) => Requests.Where(r => r.Endpoint == endpoint).ToList();

    public int OpenRequests => _endpoints.Values.Sum(e => e.Open);

    private async Task<IResult> HandleAsync(string endpoint, HttpContext context)
    {
        if (!_endpoints.TryGetValue(endpoint, out var behaviour))
            return Results.NotFound();
        behaviour.Opened();
        try
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var body = buffer.ToArray();
            var valid = WebhookSignature.Verify(behaviour.Secret, context.Request.Headers[WebhookSignature.SignatureHeader], body, DateTimeOffset.UtcNow, WebhookSignature.DefaultTolerance)
                && context.Request.Headers[WebhookSignature.TimestampHeader].ToString() == context.Request.Headers[WebhookSignature.SignatureHeader].ToString().Split(',')[0][2..];
            if (behaviour.Delay > TimeSpan.Zero)
                await Task.Delay(behaviour.Delay);
            var status = valid ? behaviour.NextStatus() : StatusCodes.Status401Unauthorized;
            _requests.Enqueue(new ReceivedRequest(endpoint, context.Request.Headers[WebhookSignature.IdempotencyKeyHeader].ToString(), valid, status,
                JsonDocument.Parse(body).RootElement.Clone(), DateTimeOffset.UtcNow));
            if (status != 200 && behaviour.RetryAfterSeconds is { } seconds)
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.StatusCode(status);
        }
        finally
        {
            behaviour.Closed();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
