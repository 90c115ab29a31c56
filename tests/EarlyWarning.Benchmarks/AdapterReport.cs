using System.Text;

namespace EarlyWarning.Benchmarks;

/// <summary>One adapter's section of the output: the conditions it ran under, its figures, and the raw limits.</summary>
public sealed record AdapterReport(string Adapter, IReadOnlyList<string> Facts, IReadOnlyList<ReportRow> Rows, IReadOnlyList<RawLimitRow> RawLimits)
{
    private const string MachineHeader = "Meanwhile: CPU cores (us = this process, pg = server, rest = others); our CPU and KiB written per op";

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine($"## {Adapter}").AppendLine();
        foreach (var fact in Facts)
            text.AppendLine($"- {fact}");
        text.AppendLine();
        text.Append(MarkdownTable.Render(
            ["Scenario", "Measured", "Target", "Verdict", "Raw limit (same run, same disk)", MachineHeader],
            Rows.Select(r => (IReadOnlyList<string>)[r.Scenario, r.Measured, r.Target, r.Verdict, r.RawLimit, r.Machine])));
        text.AppendLine();
        text.AppendLine($"Raw limits, {Adapter}:").AppendLine();
        text.Append(MarkdownTable.Render(
            ["Raw measurement", "Result", MachineHeader],
            RawLimits.Select(r => (IReadOnlyList<string>)[r.Measurement, r.Result, r.Machine])));
        return text.ToString();
    }
}
