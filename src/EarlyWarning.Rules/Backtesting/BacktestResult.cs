using EarlyWarning.Rules.Model;

namespace EarlyWarning.Rules.Backtesting;

/// <summary>What a back-test found.</summary>
/// <param name="RuleSet">The rules evaluated.</param>
/// <param name="From">Warnings first holding at or after this event time are reported.</param>
/// <param name="To">Incidents that occurred after this are not evaluated; warnings first holding after it are not reported.</param>
/// <param name="IncidentEvents">Incident events evaluated.</param>
/// <param name="TooLate">Incident events that arrived beyond the allowed lateness and were not evaluated.</param>
/// <param name="Warnings">The warnings, in order of first holding.</param>
/// <param name="Elapsed">Wall-clock time of the run.</param>
public sealed record BacktestResult(RuleSet RuleSet, DateTimeOffset From, DateTimeOffset To, long IncidentEvents, long TooLate, IReadOnlyList<BacktestWarning> Warnings, TimeSpan Elapsed);
