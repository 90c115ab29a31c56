using EarlyWarning.Contracts.Warnings;

namespace EarlyWarning.Rules.Backtesting;

/// <summary>A warning the back-tested rule set would have raised.</summary>
/// <param name="Warning">Its final snapshot: severity, incidents, districts, status.</param>
/// <param name="KnownAt">When it would have been known: the recorded time of the event that raised it.</param>
/// <param name="LateBy">Set when the incident that raised it arrived late.</param>
/// <param name="Versions">How many events it went through (raise, updates, resolve).</param>
/// <param name="ResolutionReason">Why it resolved, or null when it would still be open at the end of the run.</param>
public sealed record BacktestWarning(WarningSnapshot Warning, DateTimeOffset KnownAt, TimeSpan? LateBy, int Versions, string? ResolutionReason);
