using EarlyWarning.EventStore;

namespace EarlyWarning.Contracts.Warnings;

/// <summary>A rule's pattern first held for a group: a new warning, first event on <c>warning-{id}</c>.</summary>
/// <param name="Warning">The warning as raised (version 1).</param>
/// <param name="Version">Always 1; a receiver's idempotency key is warning id plus version.</param>
/// <param name="KnownAt">When the store recorded the event that raised it: the moment the system could know.</param>
/// <param name="LateBy">Set when the incident that raised it arrived after later incidents: how far behind event time it was.</param>
[EventType("V1.WarningRaised")]
public sealed record WarningRaised(WarningSnapshot Warning, int Version, DateTimeOffset KnownAt, TimeSpan? LateBy);
