using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EarlyWarning.Benchmarks.Dispatch;

/// <summary>
/// SOC webhook receivers: one Kestrel server listening on <c>count</c> ports of 127.0.0.1, each port a receiver
/// with its own URL (so the dispatch keeps a connection pool and a circuit breaker per receiver, as for real
/// SOCs). Each reads the body, notes when a warning's raise arrived (by the incident that raised it; wall clock,
/// as the store stamps the incident), and answers 204.
/// </summary>
public sealed class WebhookReceivers : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<int, long>> _arrivals = new(StringComparer.Ordinal);

    private WebhookReceivers(WebApplication app, IReadOnlyList<Uri> urls)
    {
        _app = app;
        Urls = urls;
    }

    public IReadOnlyList<Uri> Urls { get; }

    public static async Task<WebhookReceivers> StartAsync(int count)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            for (var i = 0; i < count; i++)
                kestrel.Listen(IPAddress.Loopback, 0);
        });
        var app = builder.Build();
        WebhookReceivers? receivers = null;
        app.MapPost("/hook", async (HttpContext context) =>
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
            var root = body.RootElement;
            if (root.GetProperty("kind").GetString() == "raised")
                receivers!.Arrived(root.GetProperty("warning").GetProperty("firstIncidentId").GetString()!, context.Connection.LocalPort);
            return Results.NoContent();
        });
        await app.StartAsync();
        var urls = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(new Uri(a), "/hook"))
            .ToList();
        receivers = new WebhookReceivers(app, urls);
        return receivers;
    }

    /// <summary>How many receivers have the raise of the warning this incident raised, and when the last of them got it.</summary>
    public (int Count, DateTimeOffset Last) Arrivals(string incidentId) =>
        _arrivals.TryGetValue(incidentId, out var ports) && !ports.IsEmpty ? (ports.Count, new DateTimeOffset(ports.Values.Max(), TimeSpan.Zero)) : (0, default);

    private void Arrived(string incidentId, int port) =>
        _arrivals.GetOrAdd(incidentId, _ => new ConcurrentDictionary<int, long>()).TryAdd(port, DateTimeOffset.UtcNow.UtcTicks);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
