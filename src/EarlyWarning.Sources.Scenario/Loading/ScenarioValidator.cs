using System.Text.RegularExpressions;
using EarlyWarning.Contracts.Reports;
using EarlyWarning.Contracts.Vocabulary;

namespace EarlyWarning.Sources.Scenario;

/// <summary>
/// Checks each entry of a scenario against the contracts' rules and against the entries before it:
/// publishing order, one report per (sourceId, reportId), corrections and retractions only of a report
/// published earlier in the file, nothing after a retraction. Where a place is not checked: the gazetteer is
/// ingest's business, and a scenario may mean to send a location ingest rejects.
/// </summary>
internal sealed partial class ScenarioValidator
{
    private const int MaxText = 4_000;

    private readonly Dictionary<(string Source, string Report), ReportState> reports = [];
    private readonly HashSet<(string Source, string Correction)> corrections = [];
    private DateTimeOffset? previous;

    /// <summary>The problem with <paramref name="entry"/>, or null when it is valid; a valid entry is remembered.</summary>
    public string? Check(ScenarioEntry entry)
    {
        if (previous is { } last && entry.PublishAt < last)
            return $"publishAt {entry.PublishAt:O} is before the previous message's {last:O}: messages must be in publishing order";
        if (entry.Incident is { } incident && string.IsNullOrWhiteSpace(incident))
            return "incident, when given, must not be blank";

        var problem = entry switch
        {
            ReportEntry r => CheckReport(r.Report),
            CorrectionEntry c => CheckCorrection(c.Correction),
            RetractionEntry x => CheckRetraction(x.Retraction),
            _ => $"kind '{entry.Kind}' is unknown",
        };
        if (problem is null)
            previous = entry.PublishAt;
        return problem;
    }

    private string? CheckReport(IncidentReported r)
    {
        var problem =
            SourceIdProblem(r.SourceId)
            ?? IdProblem("reportId", r.ReportId)
            ?? (SourceReliability.IsValid(r.Reliability) ? null : $"message.reliability '{r.Reliability}' is not a source reliability grade A–F")
            ?? (InformationCredibility.IsValid(r.Credibility) ? null : $"message.credibility {r.Credibility} is not an information credibility grade 1–6")
            ?? Missing("reportedAt", r.ReportedAt)
            ?? Missing("occurredAt", r.OccurredAt)
            ?? (r.OccurredAt <= r.ReportedAt ? null : $"message.occurredAt {r.OccurredAt:O} is after reportedAt {r.ReportedAt:O}")
            ?? OneOf("occurredAtPrecision", r.OccurredAtPrecision, TimePrecision.All)
            ?? LocationProblem(r.Location)
            ?? OneOf("incidentType", r.IncidentType, IncidentTypes.All)
            ?? TargetsProblem(r.Targets)
            ?? CasualtiesProblem(r.Casualties)
            ?? OneOf("claimStatus", r.ClaimStatus, ClaimStatus.All)
            ?? (r.ClaimStatus is ClaimStatus.Claimed or ClaimStatus.Attributed && string.IsNullOrWhiteSpace(r.Perpetrator)
                ? $"message.claimStatus '{r.ClaimStatus}' needs a perpetrator"
                : null)
            ?? TextProblem("text", r.Text, required: false);
        if (problem is not null)
            return problem;
        if (!reports.TryAdd((r.SourceId, r.ReportId), new ReportState(r.ReportedAt)))
            return $"report '{r.ReportId}' of source '{r.SourceId}' is already in the file: (sourceId, reportId) must be unique";
        return null;
    }

    private string? CheckCorrection(IncidentCorrected c)
    {
        var problem =
            SourceIdProblem(c.SourceId)
            ?? IdProblem("reportId", c.ReportId)
            ?? IdProblem("correctionId", c.CorrectionId)
            ?? Missing("correctedAt", c.CorrectedAt)
            ?? CasualtiesProblem(c.Casualties)
            ?? (c.IncidentType is null ? null : OneOf("incidentType", c.IncidentType, IncidentTypes.All))
            ?? (c.ClaimStatus is null ? null : OneOf("claimStatus", c.ClaimStatus, ClaimStatus.All))
            ?? (c.Casualties is null && c.IncidentType is null && c.Perpetrator is null && c.ClaimStatus is null
                ? "the correction changes nothing: give casualties, incidentType, perpetrator or claimStatus"
                : null)
            ?? TextProblem("note", c.Note, required: false)
            ?? ReferenceProblem(c.SourceId, c.ReportId, c.CorrectedAt, "correctedAt", "corrects");
        if (problem is not null)
            return problem;
        if (!corrections.Add((c.SourceId, c.CorrectionId)))
            return $"correction '{c.CorrectionId}' of source '{c.SourceId}' is already in the file";
        return null;
    }

    private string? CheckRetraction(IncidentRetracted r)
    {
        var problem =
            SourceIdProblem(r.SourceId)
            ?? IdProblem("reportId", r.ReportId)
            ?? Missing("retractedAt", r.RetractedAt)
            ?? TextProblem("reason", r.Reason, required: true)
            ?? ReferenceProblem(r.SourceId, r.ReportId, r.RetractedAt, "retractedAt", "retracts");
        if (problem is not null)
            return problem;
        reports[(r.SourceId, r.ReportId)] = reports[(r.SourceId, r.ReportId)] with { Retracted = true };
        return null;
    }

    private string? ReferenceProblem(string sourceId, string reportId, DateTimeOffset at, string member, string verb)
    {
        if (!reports.TryGetValue((sourceId, reportId), out var report))
            return $"it {verb} report '{reportId}' of source '{sourceId}', which no earlier message of the file reports";
        if (report.Retracted)
            return $"it {verb} report '{reportId}' of source '{sourceId}', which an earlier message retracted";
        return at < report.ReportedAt
            ? $"message.{member} {at:O} is before the report's reportedAt {report.ReportedAt:O}"
            : null;
    }

    private static string? SourceIdProblem(string? sourceId) =>
        sourceId is null ? "message.sourceId is missing"
        : SourceIdPattern().IsMatch(sourceId) ? null
        : $"message.sourceId '{sourceId}' is not 1–64 characters of a–z 0–9 . _ -";

    private static string? IdProblem(string member, string? id) =>
        id is null ? $"message.{member} is missing"
        : id.Length is >= 1 and <= 128 && id.All(ch => !char.IsWhiteSpace(ch) && !char.IsControl(ch)) ? null
        : $"message.{member} '{id}' is not 1–128 printable characters without spaces";

    private static string? Missing(string member, DateTimeOffset value) =>
        value == default ? $"message.{member} is missing" : null;

    private static string? OneOf(string member, string? value, IReadOnlySet<string> allowed) =>
        value is null ? $"message.{member} is missing"
        : allowed.Contains(value) ? null
        : $"message.{member} '{value}' is not one of {string.Join(", ", allowed)}";

    private static string? LocationProblem(ReportedLocation? location)
    {
        if (location is null)
            return "message.location is missing";
        if (string.IsNullOrWhiteSpace(location.District) && string.IsNullOrWhiteSpace(location.Place))
            return "message.location needs a district or a place";
        if ((location.Latitude is null) != (location.Longitude is null))
            return "message.location has only one of latitude and longitude";
        if (location.Latitude is { } lat && (lat is < -90 or > 90 || double.IsNaN(lat)))
            return $"message.location.latitude {lat} is not within -90..90";
        if (location.Longitude is { } lon && (lon is < -180 or > 180 || double.IsNaN(lon)))
            return $"message.location.longitude {lon} is not within -180..180";
        if (location.GeoPrecision is { } precision)
        {
            if (location.Latitude is null)
                return "message.location.geoPrecision is given without coordinates";
            return OneOf("location.geoPrecision", precision, GeoPrecision.All);
        }
        return null;
    }

    private static string? TargetsProblem(IReadOnlyList<string>? targets)
    {
        if (targets is null)
            return "message.targets is missing (an empty array when unknown)";
        var unknown = targets.FirstOrDefault(t => !Targets.All.Contains(t));
        return unknown is null ? null : $"message.targets '{unknown}' is not one of {string.Join(", ", Targets.All)}";
    }

    private static string? CasualtiesProblem(Casualties? casualties)
    {
        if (casualties is null)
            return null;
        foreach (var (side, figures) in new[] { ("securityForces", casualties.SecurityForces), ("civilians", casualties.Civilians), ("militants", casualties.Militants) })
        {
            if (figures?.Killed < 0)
                return $"message.casualties.{side}.killed {figures.Killed} is negative";
            if (figures?.Injured < 0)
                return $"message.casualties.{side}.injured {figures.Injured} is negative";
        }
        return null;
    }

    private static string? TextProblem(string member, string? text, bool required)
    {
        if (text is null || text.Trim().Length == 0)
            return required ? $"message.{member} is missing" : null;
        return text.Length <= MaxText ? null : $"message.{member} is {text.Length} characters long; at most {MaxText} are allowed";
    }

    [GeneratedRegex("^[a-z0-9._-]{1,64}$")]
    private static partial Regex SourceIdPattern();

    private sealed record ReportState(DateTimeOffset ReportedAt, bool Retracted = false);
}
