using EarlyWarning.Cli.Output;

namespace EarlyWarning.Cli.Tests.Output;

/// <summary>What the writer writes reads back, through a strict RFC 4180 reader, as the values written, each formatted as the reports promise.</summary>
public sealed class CsvWriterTests
{
    [Fact]
    public void text_with_commas_quotes_and_line_ends_reads_back_as_written()
    {
        string[] values = ["plain", "a, b", "say \"hi\"", "\"\"", "two\r\nlines", "end\"", "", "Kech — کیچ"];
        var text = new StringWriter();
        var csv = new CsvWriter(text);
        foreach (var value in values)
            csv.Field(value);
        csv.EndRow();
        csv.Joined(["a", "b,c"]);
        csv.Joined(["d", "e"]);
        csv.EndRow();

        var rows = Csv.Parse(text.ToString());

        Assert.Equal([[.. values], ["a;b,c", "d;e"]], rows);
        Assert.EndsWith("\r\n", text.ToString());
    }

    [Fact]
    public void times_durations_and_numbers_are_formatted_as_the_reports_format_them()
    {
        var at = new DateTimeOffset(2026, 1, 31, 3, 4, 5, TimeSpan.FromHours(5)).AddTicks(1234567);
        var text = new StringWriter();
        var csv = new CsvWriter(text);
        csv.Time(at);
        csv.Time(null);
        csv.Duration(new TimeSpan(1, 2, 3, 4, 5));
        csv.Duration(TimeSpan.FromMinutes(-90));
        csv.Duration(null);
        csv.Number(-1234567);
        csv.Number(0.1 + 0.2);
        csv.Number(double.NaN);
        csv.EndRow();

        Assert.Equal(
            ["2026-01-30T22:04:05.1234567+00:00", "", "1.02:03:04.0050000", "-01:30:00", "", "-1234567", "0.30000000000000004", "NaN"],
            Assert.Single(Csv.Parse(text.ToString())));
    }
}
