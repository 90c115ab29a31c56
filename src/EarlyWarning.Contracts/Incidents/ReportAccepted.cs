using EarlyWarning.EventStore;

namespace EarlyWarning.Contracts.Incidents;

/// <summary>
/// The only event on a report's own stream, <c>report-{SourceId}/{ReportId}</c>, appended with "no stream yet"
/// in the same commit as the incident event: whichever way a report arrives again, that append fails, so the
/// report is recorded once, and this event names the incident it went to.
/// </summary>
/// <param name="SourceId">Who reported.</param>
/// <param name="ReportId">The source's id for the report.</param>
/// <param name="IncidentId">The incident the report was recorded as, or corroborates.</param>
/// <param name="Corroborating">True when the report joined an incident already recorded.</param>
[EventType("V1.ReportAccepted")]
public sealed record ReportAccepted(string SourceId, string ReportId, string IncidentId, bool Corroborating);
