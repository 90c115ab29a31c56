using EarlyWarning.Contracts.Incidents;

namespace EarlyWarning.Benchmarks.Rules;

/// <summary>An incident as the rules receive it: its summary, and when the store recorded it.</summary>
public sealed record Arrival(IncidentSummary Incident, DateTimeOffset RecordedAt);
