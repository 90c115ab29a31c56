using EarlyWarning.Rules.Backtesting;

namespace EarlyWarning.Cli.Output;

/// <summary>
/// The comparison with hindsight, one row per warning: those of the hindsight run in order of firing, with when they
/// could be known as recorded; then those raised only as known. Then the summary line.
/// </summary>
internal static class HindsightTableReport
{
    private static readonly string[] Header =
        ["fired (UTC)", "known at (UTC)", "delay", "severity", "severity known at", "its delay", "rule", "group", "outcome", "warning"];

    private static readonly bool[] Numeric = [false, false, true, false, false, true, false, false, false, false];

    public static void Write(TextWriter output, HindsightResult result, TimeSpan knownWithin)
    {
        if (result.Warnings.Count == 0)
            output.WriteLine("No warnings, with hindsight or as known.");
        else
            TextTable.Write(output, Header, Numeric, result.Warnings.Select(Row));
        output.WriteLine();
        output.WriteLine(ReportText.HindsightSummary(result, knownWithin));
    }

    private static string[] Row(HindsightWarning w)
    {
        var s = (w.Hindsight ?? w.AsKnown)!.Warning;
        return
        [
            w.FiredAt is { } fired ? ReportText.Minute(fired) : "-",
            w.KnownAt is { } known ? ReportText.Minute(known) : "never",
            w.Delay is { } delay ? ReportText.Delay(delay) : "-",
            w.Severity,
            w.SeverityKnownAt is { } severityKnown ? ReportText.Minute(severityKnown) : "-",
            w.SeverityDelay is { } severityDelay ? ReportText.Delay(severityDelay) : "-",
            s.RuleId,
            s.GroupName,
            w.Outcome == HindsightOutcome.OnlyAsKnown && w.AsKnown?.ResolutionReason is { } reason ? $"{w.Outcome} ({reason})" : w.Outcome,
            s.WarningId[..Math.Min(8, s.WarningId.Length)],
        ];
    }
}
