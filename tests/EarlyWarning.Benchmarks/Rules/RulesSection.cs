using System.Text;

namespace EarlyWarning.Benchmarks.Rules;

/// <summary>One figure's section of the output: its conditions, the figure against its target beside the raw limits, and the details.</summary>
public sealed record RulesSection(string Title, IReadOnlyList<string> Facts, IReadOnlyList<ReportRow> Rows, IReadOnlyList<RulesDetails> Details)
{
    /// <summary>Markdown printed as it is after the tables, e.g. BenchmarkDotNet's own summary.</summary>
    public string? Appendix { get; init; }

    private const string MachineHeader = "Meanwhile: CPU cores (us = this process, rest = others)";

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine($"## {Title}").AppendLine();
        foreach (var fact in Facts)
            text.AppendLine($"- {fact}");
        text.AppendLine();
        text.Append(MarkdownTable.Render(
            ["Figure", "Measured", "Target", "Verdict", "Raw limit / anchor (same run)", MachineHeader],
            Rows.Select(r => (IReadOnlyList<string>)[r.Scenario, r.Measured, r.Target, Mark(r.Verdict), r.RawLimit, r.Machine])));
        foreach (var details in Details)
        {
            text.AppendLine();
            text.AppendLine(details.Title).AppendLine();
            text.Append(MarkdownTable.Render(details.Headers, details.Rows));
        }
        if (Appendix is not null)
            text.AppendLine().AppendLine(Appendix);
        return text.ToString();
    }

    private static string Mark(string verdict) => verdict switch
    {
        "met" => "✓ met",
        "no target" => "—",
        _ => "✗ " + verdict,
    };
}

/// <summary>A table under a figure: where its time goes.</summary>
public sealed record RulesDetails(string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);
