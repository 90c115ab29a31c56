using EarlyWarning.EventStore;

namespace EarlyWarning.Contracts.Warnings;

/// <summary>An open warning changed: more incidents or districts, a different severity, a correction, a silence or inhibition.</summary>
/// <param name="Warning">The warning as it stands now.</param>
/// <param name="Version">The warning's version, one more than its previous event's.</param>
/// <param name="Changes">What changed, one phrase each, e.g. "districts 5 → 8", "severity Severe → Extreme".</param>
/// <param name="KnownAt">When the store recorded the event that caused the update.</param>
/// <param name="LateBy">Set when the incident that caused it arrived late: how far behind event time it was.</param>
[EventType("V1.WarningUpdated")]
public sealed record WarningUpdated(WarningSnapshot Warning, int Version, IReadOnlyList<string> Changes, DateTimeOffset KnownAt, TimeSpan? LateBy);
