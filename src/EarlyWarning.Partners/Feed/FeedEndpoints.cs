using System.Globalization;
using EarlyWarning.Contracts.Incidents;
using EarlyWarning.EventStore;
using EarlyWarning.Partners.Registry;
using EarlyWarning.ServiceDefaults.Http;
using EarlyWarning.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EarlyWarning.Partners.Feed;

/// <summary>
/// The HTTP catch-up feed: a partner pages through the events it is entitled to from the last position it saw,
/// then follows them live. Every read goes through the partner's <see cref="Entitlements.Entitlement"/>.
/// </summary>
internal static partial class FeedEndpoints
{
    public static RouteGroupBuilder MapFeed(this IEndpointRouteBuilder app)
    {
        var feed = app.MapGroup("/api/feed").RequireScope(ApiScopes.Partner);
        feed.AddEndpointFilter<PartnerFilter>();
        feed.MapGet("", GetPageAsync);
        feed.MapGet("/live", FollowAsync);
        return feed;
    }

    private static async Task<IResult> GetPageAsync(HttpContext context, string? from, string? limit, PartnerFeed feed)
    {
        var errors = new List<FieldError>();
        var position = Position("from", from, errors);
        var count = PartnerFeed.DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > PartnerFeed.MaxLimit))
            errors.Add(new FieldError("limit", $"must be a whole number from 1 to {PartnerFeed.MaxLimit}, not '{limit}'."));
        if (errors.Count > 0)
            return Problems.Invalid("The query is not valid", errors);
        try
        {
            var page = await feed.ReadAsync(PartnerOf(context).Entitlement, position, count, context.RequestAborted).ConfigureAwait(false);
            return TypedResults.Ok(page);
        }
        catch (StoreUnavailableException ex)
        {
            return Problems.Create(StatusCodes.Status503ServiceUnavailable, "The store is unavailable", ex.Message);
        }
    }

    private static Partner PartnerOf(HttpContext context) => (Partner)context.Items[typeof(Partner)]!;

    /// <summary>A store position a partner gives back: absent is 0, the start.</summary>
    private static long Position(string field, string? text, List<FieldError> errors)
    {
        if (string.IsNullOrEmpty(text))
            return 0;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var position))
            return position;
        errors.Add(new FieldError(field, $"must be a store position (a whole number ≥ 0, as in a page's 'next' or an event's 'position'), not '{text}'."));
        return 0;
    }
}
