using System.Text;

namespace EarlyWarning.Benchmarks.Ingest;

/// <summary>One mode's section of the output: its conditions, the figures against their targets, and where the time goes.</summary>
public sealed record IngestReport(string Mode, IReadOnlyList<string> Facts, IReadOnlyList<ReportRow> Rows, IReadOnlyList<RawLimitRow> Details)
{
    private const string MachineHeader = "Meanwhile: CPU cores (us = this process, pg = server, rest = others, RabbitMQ among them); our CPU and KiB written per report";

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine($"## {Mode}").AppendLine();
        foreach (var fact in Facts)
            text.AppendLine($"- {fact}");
        text.AppendLine();
        text.Append(MarkdownTable.Render(
            ["Figure", "Measured", "Target", "Verdict", "Raw limit (same run, same broker and store)", MachineHeader],
            Rows.Select(r => (IReadOnlyList<string>)[r.Scenario, r.Measured, r.Target, r.Verdict, r.RawLimit, r.Machine])));
        text.AppendLine();
        text.AppendLine($"Where the time goes, {Mode}:").AppendLine();
        text.Append(MarkdownTable.Render(
            ["Measurement", "Result", MachineHeader],
            Details.Select(r => (IReadOnlyList<string>)[r.Measurement, r.Result, r.Machine])));
        return text.ToString();
    }
}
