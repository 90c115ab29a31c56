using System.Globalization;
using EarlyWarning.Contracts.Partners;
using EarlyWarning.EventStore;
using EarlyWarning.Partners.Registry;
using EarlyWarning.ServiceDefaults.Http;
using EarlyWarning.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EarlyWarning.Partners.Replay;

/// <summary>
/// <c>GET /api/partners/{name}/deliveries?state=dead&amp;limit=</c>, operator key: the events a push channel gave up
/// on for this partner, read from <c>partner-{name}</c>, newest first. Each names its position, so the operator knows
/// where to re-deliver from.
/// </summary>
internal static class PartnerDeliveriesEndpoints
{
    public const string Dead = "dead";
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static IEndpointRouteBuilder MapPartnerDeliveries(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/partners/{name}/deliveries", GetAsync).RequireScope(ApiScopes.Operator);
        return app;
    }

    private static async Task<IResult> GetAsync(HttpRequest request, string name, PartnerRegistry partners, IEventStore store, EventTypeRegistry registry, CancellationToken cancellationToken)
    {
        var partner = PartnerLookup.Find(partners, name);
        if (partner is null)
            return PartnerLookup.Unknown(name);
        var query = request.Query;
        var state = query["state"].ToString() is { Length: > 0 } s ? s : Dead;
        if (state != Dead || query["state"].Count > 1)
            return Problems.Create(StatusCodes.Status400BadRequest, "Unknown delivery state", $"state must be {Dead} (dead letters are what is recorded per event), not '{query["state"]}'.");
        var limit = DefaultLimit;
        if (query["limit"].Count > 0 && (!int.TryParse(query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > MaxLimit))
            return Problems.Create(StatusCodes.Status400BadRequest, "Bad limit", $"limit must be a whole number from 1 to {MaxLimit}, not '{query["limit"]}'.");

        var failedType = registry.WireNameOf(typeof(PartnerDeliveryFailed));
        try
        {
            // Newest first, keeping only the last `limit` + 1 while reading forwards.
            var kept = new Queue<PartnerDeliveryFailed>(limit + 1);
            await foreach (var recorded in store.ReadStreamAsync(PartnerStreams.Partner(partner.Name), Direction.Forwards, StreamRevision.Start, long.MaxValue, cancellationToken).ConfigureAwait(false))
            {
                if (recorded.Type != failedType || registry.Deserialize(recorded) is not PartnerDeliveryFailed failed)
                    continue;
                kept.Enqueue(failed);
                if (kept.Count > limit + 1)
                    kept.Dequeue();
            }
            var more = kept.Count > limit;
            return TypedResults.Ok(new PartnerDeliveryList(partner.Name, state, kept.Reverse().Take(limit).ToList(), more));
        }
        catch (StoreUnavailableException ex)
        {
            return Problems.StoreUnavailable(ex, "Nothing was read:", "Ask again later.");
        }
    }
}
