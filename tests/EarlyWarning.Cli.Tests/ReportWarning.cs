using EarlyWarning.Contracts.Warnings;

namespace EarlyWarning.Cli.Tests;

/// <summary>A warning as <c>ew backtest --format json</c> writes it.</summary>
public sealed record ReportWarning(WarningSnapshot Warning, DateTimeOffset KnownAt, TimeSpan? LateBy, int Versions, string? ResolutionReason);
