using System.Globalization;
using EarlyWarning.Contracts.Incidents;
using EarlyWarning.EventStore;
using EarlyWarning.Partners.Entitlements;
using EarlyWarning.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace EarlyWarning.Partners.Feed;

internal static partial class FeedEndpoints
{
    /// <summary>
    /// Server-sent events: the partner's events after <c>from</c> (or the <c>Last-Event-ID</c> a reconnecting client
    /// sends), caught up from the store and then followed live, each with its position as the event id. When the
    /// stream has caught up, and then every <see cref="PartnerFeedOptions.KeepAlive"/> in which it has read past
    /// events the partner does not get, a <c>caught-up</c> event carries the position read up to, so a client that
    /// reconnects does not read again what its entitlement filtered out (<see cref="FeedStream"/>). In the other
    /// intervals a <c>: keep-alive</c> comment goes out, so a quiet feed is told from a dead one.
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
        using var feed = new FeedStream(response, position);
        using var stopKeepAlive = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var keepAlive = KeepAliveAsync(feed, options.KeepAlive, clock, stopKeepAlive.Token);
        try
        {
            await feed.CommentAsync("following the feed", cancellationToken).ConfigureAwait(false);
            await foreach (var message in store.SubscribeToAllAsync(new GlobalPosition(position), Entitlement.Streams, cancellationToken).ConfigureAwait(false))
            {
                switch (message)
                {
                    case SubscriptionMessage.Event { Recorded: var recorded }:
                        if (entitlement.Admit(recorded, registry) is { } admitted)
                            await feed.EventAsync(admitted, cancellationToken).ConfigureAwait(false);
                        else
                            feed.PassedOver(recorded.Position.Value);
                        break;
                    case SubscriptionMessage.CaughtUp(var upTo):
                        await feed.CaughtUpAsync(upTo.Value, cancellationToken).ConfigureAwait(false);
                        break;
                    case SubscriptionMessage.CheckpointReached(var upTo):
                        feed.PassedOver(upTo.Value);
                        break;
                    case SubscriptionMessage.FellBehind:
                        feed.FellBehind();
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

    private static async Task KeepAliveAsync(FeedStream feed, TimeSpan interval, TimeProvider clock, CancellationToken cancellationToken)
    {
        try
        {
            using var timer = new PeriodicTimer(interval, clock);
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
                await feed.KeepAliveAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // The stream ended (the client went away, or the feed stopped).
        }
    }
}
