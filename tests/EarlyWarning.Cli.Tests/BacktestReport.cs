namespace EarlyWarning.Cli.Tests;

/// <summary>What <c>ew backtest --format json</c> writes.</summary>
public sealed record BacktestReport(BacktestReport.RuleSetPart RuleSet, DateTimeOffset? From, DateTimeOffset? To, BacktestReport.CountsPart Counts, double ElapsedSeconds, List<ReportWarning> Warnings)
{
    public sealed record RuleSetPart(string Hash, List<string> RuleIds);

    public sealed record CountsPart(long IncidentEvents, long TooLate, int Warnings);
}
