using System.Text.RegularExpressions;
using EarlyWarning.Contracts.Reports;
using EarlyWarning.Contracts.Vocabulary;

namespace EarlyWarning.Sources.Feed.Mapping;

/// <summary>
/// The last look at a mapped report before it may be published: every vocabulary holds, ids and text have the
/// contracts' shape, times are not in the future. A report that fails here would be rejected by ingest.
/// </summary>
internal static partial class ReportChecks
{
    private const int MaxIdLength = 128;
    private const int MaxPerpetratorLength = 200;

    // Ingest's default tolerance for clock skew: a time further ahead of its clock is rejected there.
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(15);

    /// <summary>The first problem with <paramref name="report"/>, or null when it may be published.</summary>
    public static string? Problem(IncidentReported report, DateTimeOffset now)
    {
        if (!SourceIdPattern().IsMatch(report.SourceId))
            return $"source id '{report.SourceId}' is not 1–64 characters of a–z, 0–9, '.', '_' and '-'";
        if (report.ReportId.Length == 0)
            return "event_id_cnty is empty: it is the report's id";
        if (report.ReportId.Length > MaxIdLength || report.ReportId.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            return $"event_id_cnty '{report.ReportId}' is not a report id: 1–{MaxIdLength} printable characters without spaces";
        if (!SourceReliability.IsValid(report.Reliability))
            return $"reliability '{report.Reliability}' is not A–F";
        if (!InformationCredibility.IsValid(report.Credibility))
            return $"credibility {report.Credibility} is not 1–6";
        if (report.OccurredAt > now + FutureTolerance)
            return $"event_date {report.OccurredAt:yyyy-MM-dd} is in the future";
        if (report.ReportedAt > now + FutureTolerance)
            return $"timestamp {report.ReportedAt:O} is in the future";
        if (report.OccurredAt > report.ReportedAt + FutureTolerance)
            return $"timestamp {report.ReportedAt:O} is before event_date {report.OccurredAt:yyyy-MM-dd}: ACLED cannot have published the event before it happened";
        if (!TimePrecision.All.Contains(report.OccurredAtPrecision))
            return $"time precision '{report.OccurredAtPrecision}' is not one of {string.Join(", ", TimePrecision.All)}";
        if (report.Location.GeoPrecision is { } geo && !GeoPrecision.All.Contains(geo))
            return $"geo precision '{geo}' is not one of {string.Join(", ", GeoPrecision.All)}";
        if (!IncidentTypes.All.Contains(report.IncidentType))
            return $"incident type '{report.IncidentType}' is not one of {string.Join(", ", IncidentTypes.All)}";
        if (report.Targets.FirstOrDefault(t => !Targets.All.Contains(t)) is { } target)
            return $"target '{target}' is not one of {string.Join(", ", Targets.All)}";
        if (!ClaimStatus.All.Contains(report.ClaimStatus))
            return $"claim status '{report.ClaimStatus}' is not one of {string.Join(", ", ClaimStatus.All)}";
        if (report.ClaimStatus == ClaimStatus.Claimed && report.Perpetrator is null)
            return "the notes say the attack was claimed, but actor1 names nobody to have claimed it";
        if (report.Perpetrator is { Length: > MaxPerpetratorLength })
            return $"actor1 is {report.Perpetrator.Length} characters long; at most {MaxPerpetratorLength} are accepted";
        if (report.Text is { Length: > AcledMapper.MaxTextLength })
            return $"the text is {report.Text.Length} characters long; at most {AcledMapper.MaxTextLength} are accepted";
        if (report.Casualties is { } casualties && new[] { casualties.SecurityForces, casualties.Civilians, casualties.Militants }.Any(s => s is { Killed: < 0 } or { Injured: < 0 }))
            return "a casualty figure is negative";
        return null;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    public static partial Regex SourceIdPattern();
}
