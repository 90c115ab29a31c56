using System.Globalization;
using EarlyWarning.Rules.Backtesting;

namespace EarlyWarning.Cli.Output;

/// <summary>One row per warning in aligned columns, in order of first holding, then the summary line.</summary>
internal static class TableReport
{
    private static readonly string[] Header =
        ["first held (UTC)", "known at (UTC)", "late", "rule", "group", "severity", "incidents", "districts", "killed", "status", "warning"];

    // Right-aligned: the counts.
    private static readonly bool[] Numeric = [false, false, false, false, false, false, true, true, true, false, false];

    public static void Write(TextWriter output, BacktestResult result)
    {
        if (result.Warnings.Count == 0)
        {
            output.WriteLine("No warnings.");
        }
        else
        {
            TextTable.Write(output, Header, Numeric, result.Warnings.Select(Row));
        }
        output.WriteLine();
        output.WriteLine(ReportText.Summary(result));
    }

    private static string[] Row(BacktestWarning w)
    {
        var s = w.Warning;
        return
        [
            ReportText.Minute(s.FirstHeldAt),
            ReportText.Minute(w.KnownAt),
            w.LateBy is { } late ? ReportText.Lateness(late) : "-",
            s.RuleId,
            s.GroupName,
            s.Severity,
            s.IncidentCount.ToString(CultureInfo.InvariantCulture),
            s.DistrictIds.Count.ToString(CultureInfo.InvariantCulture),
            s.Killed.ToString(CultureInfo.InvariantCulture),
            ReportText.Status(w),
            s.WarningId[..Math.Min(8, s.WarningId.Length)],
        ];
    }
}
