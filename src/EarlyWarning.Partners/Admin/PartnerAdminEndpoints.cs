using EarlyWarning.EventStore;
using EarlyWarning.Partners.Registry;
using EarlyWarning.ServiceDefaults.Http;
using EarlyWarning.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EarlyWarning.Partners.Admin;

/// <summary>
/// The partner admin API (admin key): registers partners, rotates their keys and removes them, each change an event
/// of the partner's stream <c>partner-{name}</c> (audit, and how every instance learns of it), and lists them. A new
/// key is shown once, in the answer that made it; the store keeps its SHA-256 only. Partners of configuration are
/// shown but changed only in configuration.
/// </summary>
internal static partial class PartnerAdminEndpoints
{
    /// <summary>Largest body accepted: a partner's terms are a few short fields.</summary>
    private const long MaxBodyBytes = 64 * 1024;

    /// <summary>How often a change re-reads the stream when another append got in first, before answering 409.</summary>
    private const int MaxAttempts = 5;

    private const string Source = "partners-admin-api";

    public static RouteGroupBuilder Map(IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin/partners").RequireScope(ApiScopes.Admin);
        admin.MapGet("", GetAll);
        admin.MapGet("/{name}", GetOne);
        admin.MapPost("", RegisterAsync);
        admin.MapPost("/{name}/key", RotateKeyAsync);
        admin.MapDelete("/{name}", RemoveAsync);
        return admin;
    }

    private static IResult GetAll(PartnerRegistry registry) =>
        TypedResults.Ok(new { partners = registry.Records.OrderBy(r => r.Partner.Name, StringComparer.OrdinalIgnoreCase).Select(PartnerView.From).ToList() });

    private static IResult GetOne(string name, PartnerRegistry registry) =>
        registry.Record(name) is { } record ? TypedResults.Ok(PartnerView.From(record)) : NoSuchPartner(name);

    /// <summary>409 when the partner is one of configuration, which the API never changes; null otherwise.</summary>
    private static IResult? Configured(PartnerRegistry registry, string name) =>
        registry.Record(name) is { Origin: PartnerRecord.Configuration } record
            ? Problems.Create(StatusCodes.Status409Conflict, "A partner of configuration",
                $"Partner '{record.Partner.Name}' is configured under '{PartnerRegistry.Section}'; it is changed there (and by a restart), not through the API. Nothing was changed.")
            : null;

    private static IResult NoSuchPartner(string name) =>
        Problems.Create(StatusCodes.Status404NotFound, "No such partner", $"No partner '{name}' is registered.");

    private static IResult ChangedMeanwhile(string name) =>
        Problems.Create(StatusCodes.Status409Conflict, "The partner changed meanwhile",
            $"Partner '{name}' was changed by another request while this one was deciding; read it again and repeat if still needed. Nothing was changed.");

    private static EventData Recorded(EventTypeRegistry types, object change, HttpContext context) =>
        types.ToEventData(change, EventIds.New(), RequestMetadata.From(context, Source));
}
