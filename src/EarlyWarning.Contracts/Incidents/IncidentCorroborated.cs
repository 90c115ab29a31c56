using EarlyWarning.EventStore;

namespace EarlyWarning.Contracts.Incidents;

/// <summary>Another source reports an incident already recorded: same district, compatible type, close in time.</summary>
/// <param name="IncidentId">The incident the report corroborates.</param>
/// <param name="Report">The corroborating report, as accepted.</param>
/// <param name="Incident">The incident as known now, figures consolidated over all its reports.</param>
[EventType("V1.IncidentCorroborated")]
public sealed record IncidentCorroborated(string IncidentId, RecordedReport Report, IncidentSummary Incident);
