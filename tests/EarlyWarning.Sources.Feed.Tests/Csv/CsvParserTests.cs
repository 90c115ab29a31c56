using EarlyWarning.Sources.Feed.Csv;
using Xunit;

namespace EarlyWarning.Sources.Feed.Tests.Csv;

public sealed class CsvParserTests
{
    private static List<CsvRecord> Parse(string text) => [.. new CsvParser(new StringReader(text)).ReadRecords()];

    [Fact]
    public void plain_fields_split_at_commas()
    {
        var records = Parse("a,b,c\n1,2,3\n");
        Assert.Equal(2, records.Count);
        Assert.Equal(["a", "b", "c"], records[0].Fields);
        Assert.Equal(["1", "2", "3"], records[1].Fields);
    }

    [Fact]
    public void a_quoted_field_keeps_its_commas()
    {
        var record = Assert.Single(Parse("x,\"Bannu, Khyber Pakhtunkhwa\",y"));
        Assert.Equal(["x", "Bannu, Khyber Pakhtunkhwa", "y"], record.Fields);
    }

    [Fact]
    public void doubled_quotes_inside_a_quoted_field_are_one_quote()
    {
        var record = Assert.Single(Parse("\"calling it \"\"Operation Herof\"\"\",2"));
        Assert.Equal(["calling it \"Operation Herof\"", "2"], record.Fields);
    }

    [Fact]
    public void a_field_of_only_doubled_quotes_is_a_quote()
    {
        Assert.Equal(["\"", ""], Assert.Single(Parse("\"\"\"\",\"\"")).Fields);
    }

    [Fact]
    public void line_breaks_inside_quotes_belong_to_the_field_and_later_records_keep_their_physical_line()
    {
        var records = Parse("h1,h2\n1,\"first\nsecond\nthird\"\n2,plain\n3,\"x\r\ny\"\n4,end\n");
        Assert.Equal([1, 2, 5, 6, 8], records.Select(r => r.Line));
        Assert.Equal("first\nsecond\nthird", records[1].Fields[1]);
        Assert.Equal("x\r\ny", records[3].Fields[1]);
        Assert.Equal(["4", "end"], records[4].Fields);
    }

    [Fact]
    public void crlf_and_lone_cr_end_records_like_lf()
    {
        var records = Parse("a,b\r\n1,2\r\n3,4\r5,6");
        Assert.Equal([1, 2, 3, 4], records.Select(r => r.Line));
        Assert.Equal(["3", "4"], records[2].Fields);
        Assert.Equal(["5", "6"], records[3].Fields);
    }

    [Fact]
    public void blank_lines_are_skipped_but_counted()
    {
        var records = Parse("a,b\n\n1,2\r\n\r\n3,4\n\n");
        Assert.Equal([1, 3, 5], records.Select(r => r.Line));
    }

    [Fact]
    public void empty_fields_and_a_trailing_comma_are_fields()
    {
        Assert.Equal(["", "x", ""], Assert.Single(Parse(",x,")).Fields);
    }

    [Fact]
    public void the_last_record_needs_no_line_break()
    {
        Assert.Equal(["1", "2"], Parse("a,b\n1,2").Last().Fields);
    }

    [Fact]
    public void a_quote_inside_an_unquoted_field_is_taken_literally()
    {
        var record = Assert.Single(Parse("5\" shell,x"));
        Assert.Null(record.Error);
        Assert.Equal(["5\" shell", "x"], record.Fields);
    }

    [Fact]
    public void text_after_a_closing_quote_marks_the_record_malformed_and_the_next_record_is_read()
    {
        var records = Parse("\"abc\"def,x\nok,y\n");
        Assert.Contains("text follows the closing quote of field 1", records[0].Error);
        Assert.Null(records[1].Error);
        Assert.Equal(["ok", "y"], records[1].Fields);
    }

    [Fact]
    public void a_quote_never_closed_is_a_format_error_naming_the_line_it_opened_on()
    {
        var error = Assert.Throws<CsvFormatException>(() => Parse("a,b\n1,2\n3,\"never\nclosed\n"));
        Assert.StartsWith("line 3: a quoted field", error.Message);
    }

    [Fact]
    public void records_longer_than_the_read_buffer_are_whole()
    {
        var notes = new string('n', 40_000);
        var records = Parse($"a,b\n1,\"{notes}\"\n2,x\n");
        Assert.Equal(notes, records[1].Fields[1]);
        Assert.Equal(3, records[2].Line);
    }
}
