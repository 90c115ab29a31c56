using EarlyWarning.EventStore;

namespace EarlyWarning.Contracts.Rules;

/// <summary>An operator ended a silence before its time.</summary>
/// <param name="SilenceId">The silence.</param>
/// <param name="RemovedBy">Who.</param>
[EventType("V1.SilenceRemoved")]
public sealed record SilenceRemoved(string SilenceId, string RemovedBy);
