using System.Globalization;
using EarlyWarning.Contracts.Soc;
using EarlyWarning.EventStore;
using EarlyWarning.ServiceDefaults.Http;
using EarlyWarning.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EarlyWarning.Dispatch.Http;

/// <summary>
/// <c>GET /api/deliveries?state=dead|delivered|all&amp;warning={id}&amp;limit=</c>, for operators: what was delivered and
/// what was dead-lettered, read from the store (the outcomes on <c>soc-*</c>), so it answers the same whether or not
/// the dispatch runs in this process.
/// </summary>
public static class DeliveriesEndpoints
{
    public const string Delivered = "delivered";
    public const string Dead = "dead";
    public const string All = "all";
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static IEndpointRouteBuilder MapDeliveriesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/deliveries", GetAsync).RequireScope(ApiScopes.Operator);
        return app;
    }

    private static async Task<IResult> GetAsync(HttpRequest request, IEventStore store, EventTypeRegistry registry, CancellationToken cancellationToken)
    {
        var query = request.Query;
        var state = query["state"].ToString() is { Length: > 0 } s ? s : All;
        if (state is not (Delivered or Dead or All) || query["state"].Count > 1)
            return Problems.Create(StatusCodes.Status400BadRequest, "Unknown delivery state", $"state must be one of {Dead}, {Delivered} or {All} (the default), not '{query["state"]}'.");
        var warning = query["warning"].ToString() is { Length: > 0 } w ? w : null;
        if (query["warning"].Count > 1 || warning is { Length: > 200 } || warning?.Any(char.IsControl) == true)
            return Problems.Create(StatusCodes.Status400BadRequest, "Bad warning id", "warning must be one warning id of at most 200 characters.");
        var limit = DefaultLimit;
        if (query["limit"].Count > 0 && (!int.TryParse(query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > MaxLimit))
            return Problems.Create(StatusCodes.Status400BadRequest, "Bad limit", $"limit must be a whole number from 1 to {MaxLimit}, not '{query["limit"]}'.");

        var delivered = registry.WireNameOf(typeof(WarningDelivered));
        var failed = registry.WireNameOf(typeof(WarningDeliveryFailed));
        var events = warning is null
            ? store.ReadAllAsync(GlobalPosition.Start, long.MaxValue, new EventFilter([delivered, failed], [SocStreams.SocPrefix]), cancellationToken)
            : store.ReadStreamAsync(SocStreams.Soc(warning), Direction.Forwards, StreamRevision.Start, long.MaxValue, cancellationToken);

        // Newest first, keeping only the last `limit` + 1 while reading forwards.
        var kept = new Queue<DeliveryView>(limit + 1);
        await foreach (var recorded in events.ConfigureAwait(false))
        {
            DeliveryView? view = registry.Deserialize(recorded) switch
            {
                WarningDelivered d when state != Dead => new DeliveryView(
                    d.WarningId, d.Version, d.Recipient, d.Channel, Delivered, d.IdempotencyKey, d.Attempts, d.StatusCode, null, d.Escalation, d.DeliveredAt, recorded.Position.Value),
                WarningDeliveryFailed f when state != Delivered => new DeliveryView(
                    f.WarningId, f.Version, f.Recipient, f.Channel, Dead, f.IdempotencyKey, f.Attempts, null, f.Error, f.Escalation, f.FailedAt, recorded.Position.Value),
                _ => null,
            };
            if (view is null)
                continue;
            kept.Enqueue(view);
            if (kept.Count > limit + 1)
                kept.Dequeue();
        }
        var more = kept.Count > limit;
        var newestFirst = kept.Reverse().Take(limit).ToList();
        return TypedResults.Ok(new DeliveryList(state, warning, newestFirst, more));
    }
}
