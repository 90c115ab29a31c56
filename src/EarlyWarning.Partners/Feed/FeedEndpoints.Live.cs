using System.Globalization;
using System.Text.Json;
using EarlyWarning.Contracts.Incidents;
using EarlyWarning.EventStore;
using EarlyWarning.Partners.Entitlements;
using EarlyWarning.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace EarlyWarning.Partners.Feed;

internal static partial class FeedEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Server-sent events: the partner's events after <c>from</c> (or the <c>Last-Event-ID</c> a reconnecting client
    /// sends), caught up from the store and then followed live, each with its position as the event id. Each time
    /// the stream has read everything, a <c>caught-up</c> event carries the position read up to, so a client that
    /// reconnects does not read again what its entitlement filtered out. A <c>: keep-alive</c> comment goes out every
    /// <see cref="PartnerFeedOptions.KeepAlive"/>, so a quiet feed is told from a dead one.
    /// </summary>
    private static async Task FollowAsync(HttpContext context, string? from, IEventStore store, EventTypeRegistry registry, PartnerFeedOptions options, TimeProvider clock)
    {
        var lastEventId = context.Request.Headers["Last-Event-ID"].ToString();
        var field = lastEventId.Length > 0 ? "Last-Event-ID" : "from";
        var errors = new List<FieldError>();
        var position = Position(field, lastEventId.Length > 0 ? lastEventId : from, errors);
        if (errors.Count > 0)
        {
            await Problems.Invalid("The query is not valid", errors).ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        var entitlement = PartnerOf(context).Entitlement;
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var cancellationToken = context.RequestAborted;
        // The keep-alive writes from its own loop; one write at a time keeps an event and a comment from interleaving.
        using var writing = new SemaphoreSlim(1, 1);
        using var stopKeepAlive = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var keepAlive = KeepAliveAsync(response, writing, options.KeepAlive, clock, stopKeepAlive.Token);
        try
        {
            await WriteAsync(response, writing, ": following the feed\n\n", cancellationToken).ConfigureAwait(false);
            await foreach (var message in store.SubscribeToAllAsync(new GlobalPosition(position), Entitlement.Streams, cancellationToken).ConfigureAwait(false))
            {
                switch (message)
                {
                    case SubscriptionMessage.Event { Recorded: var recorded } when entitlement.Admit(recorded, registry) is { } admitted:
                        position = admitted.Position;
                        await WriteAsync(response, writing, $"id: {position}\nevent: {admitted.Type}\ndata: {JsonSerializer.Serialize(admitted, Json)}\n\n", cancellationToken).ConfigureAwait(false);
                        break;
                    case SubscriptionMessage.CaughtUp { Position.Value: var upTo } when upTo > position:
                        position = upTo;
                        await WriteAsync(response, writing, FormattableString.Invariant($"id: {upTo}\nevent: caught-up\ndata: {{\"position\":{upTo}}}\n\n"), cancellationToken).ConfigureAwait(false);
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away.
        }
        finally
        {
            await stopKeepAlive.CancelAsync().ConfigureAwait(false);
            await keepAlive.ConfigureAwait(false);
        }
    }

    private static async Task KeepAliveAsync(HttpResponse response, SemaphoreSlim writing, TimeSpan interval, TimeProvider clock, CancellationToken cancellationToken)
    {
        try
        {
            using var timer = new PeriodicTimer(interval, clock);
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
                await WriteAsync(response, writing, ": keep-alive\n\n", cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // The stream ended (the client went away, or the feed stopped).
        }
    }

    private static async Task WriteAsync(HttpResponse response, SemaphoreSlim writing, string text, CancellationToken cancellationToken)
    {
        await writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await response.WriteAsync(text, cancellationToken).ConfigureAwait(false);
            await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            writing.Release();
        }
    }
}
