using EarlyWarning.Contracts.Incidents;
using EarlyWarning.Contracts.Partners;
using EarlyWarning.EventStore;
using EarlyWarning.Partners.Channels;
using EarlyWarning.Partners.Registry;
using EarlyWarning.ServiceDefaults.Http;
using EarlyWarning.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace EarlyWarning.Partners.Replay;

/// <summary>
/// <c>POST /api/partners/{name}/redeliver</c> with <c>{"channel": "amqp"|"webhook", "after": position}</c> or
/// <c>{"channel": …, "since": "ISO time"}</c>, operator or admin key: sends again, through the channel, what the
/// partner is entitled to from there up to the store's head, and records who asked (<see cref="PartnerRedelivered"/>
/// on <c>partner-{name}</c>). A request that is refused records nothing.
/// </summary>
internal static class RedeliverEndpoints
{
    /// <summary>The channels an operator may name; one not running in this service is 409.</summary>
    public static readonly IReadOnlyList<string> Channels = ["amqp", "webhook"];

    private const int MaxBodyBytes = 4096;

    public static IEndpointRouteBuilder MapRedeliver(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/partners/{name}/redeliver", RedeliverAsync).RequireAnyScope(ApiScopes.Operator, ApiScopes.Admin);
        return app;
    }

    private static async Task<IResult> RedeliverAsync(
        HttpContext context, string name, PartnerRegistry partners, IEnumerable<IPartnerChannel> channels, IEventStore store, EventTypeRegistry registry,
        TimeProvider clock, ILoggerFactory loggers)
    {
        var partner = PartnerLookup.Find(partners, name);
        if (partner is null)
            return PartnerLookup.Unknown(name);

        var (document, problem) = await JsonBody.ReadAsync(context, MaxBodyBytes).ConfigureAwait(false);
        if (problem is not null)
            return problem;
        RedeliveryRequest? request;
        var errors = new List<FieldError>();
        using (document)
        {
            (request, var bindErrors) = JsonBody.Bind<RedeliveryRequest>(document!.RootElement);
            errors.AddRange(bindErrors);
        }
        var known = Channels.Union(channels.Select(c => c.Name)).ToList();
        if (request is not null && !errors.Exists(e => e.Field == "channel") && !known.Contains(request.Channel ?? "", StringComparer.Ordinal))
            errors.Add(new FieldError("channel", $"must be one of {string.Join(", ", known)}, not '{request.Channel}'."));
        if (request is { After: null, Since: null } && !errors.Exists(e => e.Field is "after" or "since"))
            errors.Add(new FieldError("$", "give where to start: 'after' (a store position) or 'since' (an ISO 8601 time)."));
        if (request is { After: not null, Since: not null })
            errors.Add(new FieldError("$", "give 'after' or 'since', not both."));
        if (request?.After < 0)
            errors.Add(new FieldError("after", $"must be a store position (a whole number ≥ 0), not {request.After}."));
        if (request is null || errors.Count > 0)
            return Problems.Invalid("The re-delivery is not valid", errors);

        var channel = channels.FirstOrDefault(c => c.Name == request.Channel);
        if (channel is null)
            return Problems.Create(StatusCodes.Status409Conflict, "Channel not available",
                $"The {request.Channel} channel does not run in this service, so nothing can be re-delivered through it. Nothing was sent or recorded.");
        if (!channel.Serves(partner))
            return Problems.Create(StatusCodes.Status409Conflict, "Channel not serving this partner",
                $"Partner '{partner.Name}' receives nothing by {channel.Name}{(channel.Name == "webhook" ? " (it has no webhook configured)" : "")}. Nothing was sent or recorded.");

        var caller = context.Caller();
        var logger = loggers.CreateLogger(typeof(RedeliverEndpoints));
        try
        {
            var after = request.After ?? await RecordedPositions.LastBeforeAsync(store, request.Since!.Value, context.RequestAborted).ConfigureAwait(false);
            RedeliveryResult result;
            string? error = null;
            try
            {
                result = await channel.RedeliverAsync(partner, after, context.RequestAborted).ConfigureAwait(false);
            }
            catch (RedeliveryStoppedException ex)
            {
                (result, error) = (ex.Partial, ex.Message);
            }
            logger.LogInformation("{By} re-delivered {Events} events to partner {Partner} by {Channel}, after position {After} through {Through}{Error}",
                caller.Name, result.Events, partner.Name, channel.Name, result.After, result.Through, error is null ? "" : "; stopped: " + error);
            var audit = new PartnerRedelivered(partner.Name, channel.Name, caller.Name, request.Since, result.After, result.Through, result.Events, error, clock.GetUtcNow());
            await store.AppendToStreamAsync(PartnerStreams.Partner(partner.Name), ExpectedRevision.Any,
                registry.ToEventData(audit, EventIds.New(), new EventMetadata { Source = "partner-redelivery" }), CancellationToken.None).ConfigureAwait(false);
            return error is null
                ? TypedResults.Ok(result)
                : Problems.Create(StatusCodes.Status502BadGateway, "Re-delivery stopped",
                    $"{error}. {result.Events} events went out, through position {result.Through}; re-deliver after {result.Through} once the receiver takes them.");
        }
        catch (StoreUnavailableException ex)
        {
            return Problems.StoreUnavailable(ex, "The re-delivery did not complete and was not recorded:");
        }
    }
}
