using EarlyWarning.EventStore;

namespace EarlyWarning.Contracts.Soc;

/// <summary>
/// Nobody acknowledged a warning within the first recipient's escalation delay: it goes to the next level of the
/// escalation chain, and the chain starts over from the top as many times as the policy repeats.
/// </summary>
/// <param name="WarningId">The warning.</param>
/// <param name="Version">The warning's version sent to the next level.</param>
/// <param name="From">The recipient whose delay ran out.</param>
/// <param name="To">The recipient it goes to now.</param>
/// <param name="Escalation">1 for the first escalation of this warning, 2 for the next, and so on.</param>
/// <param name="Unacknowledged">How long the warning had been unacknowledged since its first delivery.</param>
/// <param name="EscalatedAt">When.</param>
[EventType("V1.WarningEscalated")]
public sealed record WarningEscalated(string WarningId, int Version, string From, string To, int Escalation, TimeSpan Unacknowledged, DateTimeOffset EscalatedAt);
