using EarlyWarning.EventStore;

namespace EarlyWarning.Contracts.Reports;

/// <summary>
/// A source withdraws its own earlier report. The incident keeps its other sources' reports; an incident
/// whose every report is retracted is withdrawn, and rules stop counting it.
/// </summary>
/// <param name="SourceId">The source of the report being retracted; only a report's own source may retract it.</param>
/// <param name="ReportId">The id of the report being retracted.</param>
/// <param name="RetractedAt">When the source retracted it.</param>
/// <param name="Reason">Why (1–4,000 characters): a retraction without a reason helps nobody.</param>
[EventType("V1.IncidentRetracted")]
public sealed record IncidentRetracted(
    string SourceId,
    string ReportId,
    DateTimeOffset RetractedAt,
    string Reason);
