using System.Text;

namespace EarlyWarning.Benchmarks;

/// <summary>Renders a GitHub markdown table with padded columns, so it reads well in a terminal too.</summary>
public static class MarkdownTable
{
    public static string Render(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = rows.Prepend(headers).Select(r => r.Select(Escape).ToArray()).ToList();
        var widths = Enumerable.Range(0, headers.Count).Select(c => all.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder();
        for (var i = 0; i < all.Count; i++)
        {
            text.Append('|');
            for (var c = 0; c < widths.Length; c++)
                text.Append(' ').Append(all[i][c].PadRight(widths[c])).Append(" |");
            text.AppendLine();
            if (i == 0)
                text.Append('|').AppendJoin("", widths.Select(w => new string('-', w + 2) + "|")).AppendLine();
        }
        return text.ToString();
    }

    private static string Escape(string cell) => cell.Replace("|", "\\|", StringComparison.Ordinal);
}
