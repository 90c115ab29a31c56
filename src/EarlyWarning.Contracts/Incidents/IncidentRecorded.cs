using EarlyWarning.EventStore;

namespace EarlyWarning.Contracts.Incidents;

/// <summary>The first report of an attack nobody had reported yet: a new incident, first event on its stream.</summary>
/// <param name="IncidentId">The new incident's id; its stream is <c>incident-{IncidentId}</c>.</param>
/// <param name="Report">The report, as accepted.</param>
/// <param name="Incident">The incident as known now.</param>
[EventType("V1.IncidentRecorded")]
public sealed record IncidentRecorded(string IncidentId, RecordedReport Report, IncidentSummary Incident);
