namespace EarlyWarning.Cli.Output;

/// <summary>Rows in aligned columns under a header, two spaces apart; numeric columns right-aligned.</summary>
internal static class TextTable
{
    public static void Write(TextWriter output, string[] header, bool[] numeric, IEnumerable<string[]> rows)
    {
        var all = rows.Prepend(header).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(c => all.Max(r => r[c].Length)).ToArray();
        foreach (var row in all)
            output.WriteLine(string.Join("  ", row.Select((cell, c) => numeric[c] && row != header ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]))).TrimEnd());
    }
}
