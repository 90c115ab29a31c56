using System.Globalization;
using System.Text.RegularExpressions;
using EarlyWarning.Contracts.Incidents;
using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.EventStore;
using EarlyWarning.ServiceDefaults.Http;
using EarlyWarning.ServiceDefaults.Security;
using EarlyWarning.Warnings.Board;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace EarlyWarning.Warnings.Http;

/// <summary>
/// The warnings API: the list and one warning with its whole history, acknowledgement by an operator, the
/// picture as known at any moment, and the live stream of changes the dashboard follows.
/// </summary>
public static partial class WarningsEndpoints
{
    private const string Statuses = "open, resolved or all";

    private static readonly string[] Readers = [ApiScopes.Operator, ApiScopes.Admin];

    public static WebApplication MapWarningsApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var warnings = app.MapGroup("/api/warnings");
        // Reads are an operator's (or an admin's) too: the board holds every source's identity and notes, which a
        // partner sees only through its entitlement (the feed, CAP), and nobody without a key sees at all.
        warnings.MapGet("", GetWarnings).RequireAnyScope(Readers);
        warnings.MapGet("/{id}", GetWarningAsync).RequireAnyScope(Readers);
        warnings.MapPost("/{id}/ack", AcknowledgeAsync).RequireScope(ApiScopes.Operator);
        app.MapGet("/api/picture", GetPictureAsync).RequireAnyScope(Readers);
        app.MapGet("/api/live", FollowAsync).RequireAnyScope(Readers);
        return app;
    }

    private static IResult GetWarnings(string? status, string? province, string? severity, WarningBoard board)
    {
        var errors = new List<FieldError>();
        status = string.IsNullOrEmpty(status) ? "open" : status;
        if (status is not ("open" or "resolved" or "all"))
            errors.Add(new FieldError("status", $"must be {Statuses}, not '{status}'."));
        if (province is not null && Gazetteer.Gazetteer.Default.Provinces.All(p => p.Id != province))
            errors.Add(new FieldError("province", $"'{province}' is not a province id of the gazetteer (e.g. balochistan)."));
        if (severity is not null && !CapSeverity.All.Contains(severity))
            errors.Add(new FieldError("severity", $"must be one of {string.Join(", ", CapSeverity.All)} (the minimum), not '{severity}'."));
        if (errors.Count > 0)
            return Problems.Invalid("The query is not valid", errors);

        var minimum = severity is null ? int.MinValue : CapSeverity.Rank(severity);
        var list = board.Warnings(w =>
            (status == "all" || (status == "open") == w.IsOpen)
            && (province is null || w.Warning.ProvinceId == province)
            && CapSeverity.Rank(w.Warning.Severity) >= minimum);
        return TypedResults.Ok(new { warnings = list, caughtUp = board.CaughtUp, position = board.Position });
    }

    private static async Task<IResult> GetWarningAsync(string id, IEventStore store, EventTypeRegistry registry, CancellationToken cancellationToken)
    {
        if (!IsWarningId(id))
            return NoSuchWarning(id);
        try
        {
            var (warning, history) = await PictureHistory.WarningAsync(store, registry, id, cancellationToken).ConfigureAwait(false);
            return warning is null
                ? NoSuchWarning(id)
                : TypedResults.Ok(new { warning, history = history.Select(HistoryEntry.From).ToList() });
        }
        catch (StoreUnavailableException ex)
        {
            return Unavailable(ex);
        }
    }

    private static async Task<IResult> GetPictureAsync(string? asOf, WarningBoard board, IEventStore store, EventTypeRegistry registry, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (asOf is null)
            return TypedResults.Ok(board.View());
        if (!DateTimeOffset.TryParse(asOf, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var moment))
            return Problems.Invalid("The query is not valid", [new FieldError("asOf", $"must be an ISO 8601 time such as 2026-01-31T06:00Z, not '{asOf}'.")]);
        // The board is the picture of now; a moment at or after its last event would fold to the same thing.
        if (moment >= clock.GetUtcNow())
            return TypedResults.Ok(board.View() with { AsOf = moment });
        try
        {
            return TypedResults.Ok(await PictureHistory.AsOfAsync(store, registry, moment, cancellationToken).ConfigureAwait(false));
        }
        catch (StoreUnavailableException ex)
        {
            return Unavailable(ex);
        }
    }

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex WarningId();

    /// <summary>Warning ids are 32 lower-case hex digits; anything else names no warning, and is never looked up.</summary>
    private static bool IsWarningId(string id) => WarningId().IsMatch(id);

    private static IResult NoSuchWarning(string id) =>
        Problems.Create(StatusCodes.Status404NotFound, "No such warning", $"No warning '{id}' is recorded. Warning ids are 32 hex digits, as in GET /api/warnings.");

    private static IResult Unavailable(Exception exception) => Problems.StoreUnavailable(exception, advice: "Try again later.");
}
