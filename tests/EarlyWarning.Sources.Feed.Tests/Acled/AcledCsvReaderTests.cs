using System.Text;
using EarlyWarning.Sources.Feed.Acled;
using EarlyWarning.Sources.Feed.Csv;
using Xunit;

namespace EarlyWarning.Sources.Feed.Tests.Acled;

public sealed class AcledCsvReaderTests
{
    private static string Header(params string[] without) =>
        string.Join(',', AcledFile.Columns.Where(c => !without.Contains(c)));

    [Fact]
    public void columns_are_found_by_name_in_any_order()
    {
        var text = "notes,fatalities,event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,inter1,actor2,inter2,country,admin1,admin2,location,latitude,longitude,geo_precision,extra\n"
            + "\"an IED, then fire\",3,PAK1,2026-01-31,1,Battles,Armed clash,TTP,2,,,Pakistan,Balochistan,Kech,Tump,26.12,62.37,2,ignored\n";
        var row = Assert.IsType<AcledRow>(Assert.Single(AcledCsvReader.Open(new StringReader(text)).ReadRows()));
        Assert.Equal("PAK1", row.EventIdCnty);
        Assert.Equal("an IED, then fire", row.Notes);
        Assert.Equal("3", row.Fatalities);
        Assert.Equal("Tump", row.Location);
        Assert.Equal("", row.Timestamp); // optional, absent
        Assert.Equal(2, row.Line);
    }

    [Fact]
    public void a_byte_order_mark_before_the_header_is_ignored()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(AcledFile.Text(AcledFile.Row()))).ToArray();
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        Assert.IsType<AcledRow>(Assert.Single(AcledCsvReader.Open(reader).ReadRows()));
    }

    [Fact]
    public void a_byte_order_mark_left_in_the_text_is_ignored_too()
    {
        var text = "\uFEFF" + AcledFile.Text(AcledFile.Row());
        Assert.Equal("PAK100", Assert.IsType<AcledRow>(Assert.Single(AcledCsvReader.Open(new StringReader(text)).ReadRows())).EventIdCnty);
    }

    [Fact]
    public void a_missing_required_column_is_named()
    {
        var error = Assert.Throws<CsvFormatException>(() => AcledCsvReader.Open(new StringReader(Header(without: ["fatalities", "admin2"]) + "\n")));
        Assert.Equal("line 1: the header lacks ACLED's columns admin2, fatalities; is this an ACLED export?", error.Message);
    }

    [Fact]
    public void an_empty_file_is_a_format_error()
    {
        var error = Assert.Throws<CsvFormatException>(() => AcledCsvReader.Open(new StringReader("")));
        Assert.Contains("the file is empty", error.Message);
    }

    [Fact]
    public void a_column_twice_in_the_header_is_a_format_error()
    {
        var error = Assert.Throws<CsvFormatException>(() => AcledCsvReader.Open(new StringReader(Header() + ",notes\n")));
        Assert.Contains("column 'notes' appears twice", error.Message);
    }

    [Fact]
    public void a_row_with_too_few_fields_is_malformed_with_its_line()
    {
        var text = Header() + "\nPAK1,2026-01-31\n";
        var malformed = Assert.IsType<MalformedRecord>(Assert.Single(AcledCsvReader.Open(new StringReader(text)).ReadRows()));
        Assert.Equal(2, malformed.Line);
        Assert.Contains($"2 fields where the header has {AcledFile.Columns.Count}", malformed.Reason);
    }

    [Fact]
    public void rows_after_a_multi_line_note_start_on_their_physical_line()
    {
        var text = AcledFile.Text(
            AcledFile.Row() with { Notes = "line one\nline two, with a comma\nand \"quotes\"" },
            AcledFile.Row() with { EventIdCnty = "PAK101" });
        var rows = AcledCsvReader.Open(new StringReader(text)).ReadRows().Cast<AcledRow>().ToList();
        Assert.Equal([2, 5], rows.Select(r => r.Line));
        Assert.Equal("line one\nline two, with a comma\nand \"quotes\"", rows[0].Notes);
    }
}
