using EarlyWarning.EventStore;

namespace EarlyWarning.Contracts.Soc;

/// <summary>An operator took charge of a warning; escalation stops.</summary>
/// <param name="WarningId">The warning.</param>
/// <param name="Version">The warning's latest version when the operator acknowledged it: what they saw.</param>
/// <param name="By">The operator's key name.</param>
/// <param name="Note">What the operator wrote, if anything.</param>
/// <param name="AcknowledgedAt">When.</param>
[EventType("V1.WarningAcknowledged")]
public sealed record WarningAcknowledged(string WarningId, int Version, string By, string? Note, DateTimeOffset AcknowledgedAt);
