using EarlyWarning.Contracts.Reports;
using EarlyWarning.EventStore;

namespace EarlyWarning.Contracts.Incidents;

/// <summary>A source retracted one of its reports of this incident (an <see cref="IncidentRetracted"/> accepted).</summary>
/// <param name="IncidentId">The incident the report belonged to.</param>
/// <param name="SourceId">The source that retracted.</param>
/// <param name="ReportId">The retracted report.</param>
/// <param name="RetractedAt">When the source retracted it.</param>
/// <param name="Reason">Why, as the source says.</param>
/// <param name="Incident">The incident as known now, without the retracted report; <see cref="IncidentSummary.Withdrawn"/> when none is left.</param>
[EventType("V1.ReportRetracted")]
public sealed record ReportRetracted(
    string IncidentId,
    string SourceId,
    string ReportId,
    DateTimeOffset RetractedAt,
    string Reason,
    IncidentSummary Incident);
