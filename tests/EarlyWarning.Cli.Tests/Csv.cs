using System.Text;

namespace EarlyWarning.Cli.Tests;

/// <summary>An RFC 4180 reader, strict enough to fail on what a spreadsheet would misread: a test of ew's CSV, not a second writer.</summary>
internal static class Csv
{
    public static List<List<string>> Parse(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                    Assert.True(i + 1 == text.Length || text[i + 1] is ',' or '\r', $"text after a closing quote at {i}");
                }
                else
                {
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"':
                    Assert.True(field.Length == 0, $"a quote inside an unquoted field at {i}");
                    quoted = true;
                    break;
                case ',':
                    row.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    Assert.True(i + 1 < text.Length && text[i + 1] == '\n', $"a CR without LF at {i}");
                    row.Add(field.ToString());
                    field.Clear();
                    rows.Add(row);
                    row = [];
                    i++;
                    break;
                case '\n':
                    Assert.Fail($"a bare LF at {i}: RFC 4180 ends records with CRLF");
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }
        Assert.False(quoted, "the text ends inside a quoted field");
        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }
        return rows;
    }
}
