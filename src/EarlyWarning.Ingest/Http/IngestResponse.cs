using EarlyWarning.Ingest.Pipeline;

namespace EarlyWarning.Ingest.Http;

/// <summary>What <c>POST /api/incidents</c> answers for one report (and the corrections and retractions endpoints for theirs).</summary>
/// <param name="Status"><c>recorded</c> (a new incident), <c>corroborated</c> (joined a known incident), <c>duplicate</c> (sent before; nothing new recorded), <c>corrected</c>, <c>retracted</c>.</param>
/// <param name="SourceId">The source, as sent.</param>
/// <param name="ReportId">The report, as sent.</param>
/// <param name="IncidentId">The incident the report is part of.</param>
/// <param name="Incident">Where to read the incident: <c>/api/incidents/{IncidentId}</c>.</param>
/// <param name="Position">The store position of what was recorded; null for a duplicate.</param>
public sealed record IngestResponse(string Status, string SourceId, string ReportId, string IncidentId, string Incident, long? Position)
{
    public static IngestResponse From(IngestOutcome outcome, string sourceId, string reportId) => new(
        Name(outcome.Status), sourceId, reportId, outcome.IncidentId!, $"/api/incidents/{outcome.IncidentId}", outcome.Position);

    public static string Name(IngestStatus status) => status switch
    {
        IngestStatus.Recorded => "recorded",
        IngestStatus.Corroborated => "corroborated",
        IngestStatus.Duplicate => "duplicate",
        IngestStatus.Corrected => "corrected",
        IngestStatus.Retracted => "retracted",
        IngestStatus.Rejected => "rejected",
        IngestStatus.UnknownReport => "unknown-report",
        IngestStatus.Conflict => "conflict",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
