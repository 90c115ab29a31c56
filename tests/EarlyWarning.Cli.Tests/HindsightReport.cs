namespace EarlyWarning.Cli.Tests;

/// <summary>What <c>ew backtest --compare-hindsight --format json</c> writes.</summary>
public sealed record HindsightReport(
    BacktestReport.RuleSetPart RuleSet, DateTimeOffset? From, DateTimeOffset? To, TimeSpan KnownWithin, HindsightReport.CountsPart Counts, List<HindsightReport.Entry> Warnings)
{
    public sealed record CountsPart(long IncidentEvents, long TooLate, int AsKnownWarnings, int HindsightWarnings, int KnownInTime, int KnownLater, int MissedAsKnown, int OnlyAsKnown);

    public sealed record Entry(
        string Outcome,
        string? MatchedBy,
        ReportWarning? Hindsight,
        ReportWarning? AsKnown,
        List<string> AlsoKnownAs,
        DateTimeOffset? FiredAt,
        DateTimeOffset? KnownAt,
        TimeSpan? Delay,
        string Severity,
        DateTimeOffset? SeverityHeldAt,
        DateTimeOffset? SeverityKnownAt,
        TimeSpan? SeverityDelay);
}
