using System.Text;

namespace EarlyWarning.Sources.Feed.Csv;

/// <summary>
/// Reads RFC 4180 CSV: comma-separated fields, fields in double quotes may hold commas, line breaks and
/// doubled quotes (<c>""</c> for one <c>"</c>). Records end at CRLF, LF or a lone CR. Blank lines are skipped.
/// Each record carries the physical line it starts on, so a message can point a person at it.
/// </summary>
internal sealed class CsvParser(TextReader reader)
{
    private const int End = -1;
    private readonly char[] _buffer = new char[16 * 1024];
    private int _position;
    private int _length;

    /// <exception cref="CsvFormatException">A quoted field is never closed: the rest of the file cannot be split into records.</exception>
    public IEnumerable<CsvRecord> ReadRecords()
    {
        var line = 1;
        var fields = new List<string>();
        var field = new StringBuilder();
        var recordLine = 1;
        var quoteLine = 0;
        var inQuotes = false;
        var closedQuote = false; // the current field was quoted and its closing quote has been read
        var fieldStarted = false;
        string? error = null;

        void EndField()
        {
            fields.Add(field.ToString());
            field.Clear();
            closedQuote = false;
            fieldStarted = false;
        }

        int c;
        while ((c = Read()) != End)
        {
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (Peek() == '"')
                    {
                        Read();
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                        closedQuote = true;
                    }
                }
                else
                {
                    if (c == '\n' || (c == '\r' && Peek() != '\n'))
                        line++;
                    field.Append((char)c);
                }
                continue;
            }

            switch (c)
            {
                case ',':
                    EndField();
                    fieldStarted = true;
                    break;
                case '\r' or '\n':
                    if (c == '\r' && Peek() == '\n')
                        Read();
                    var blank = fields.Count == 0 && field.Length == 0 && !fieldStarted && !closedQuote;
                    if (!blank)
                    {
                        EndField();
                        yield return new CsvRecord(recordLine, fields, error);
                        fields = [];
                        error = null;
                    }
                    line++;
                    recordLine = line;
                    break;
                case '"' when field.Length == 0 && !closedQuote:
                    inQuotes = true;
                    quoteLine = line;
                    fieldStarted = true;
                    break;
                default:
                    // "abc"def: the quoting is broken, and guessing where the field ends would misplace every later field.
                    if (closedQuote)
                        error ??= $"text follows the closing quote of field {fields.Count + 1}; a quote inside a field must be doubled";
                    // A quote inside an unquoted field (abc"def) is taken literally, as most writers mean it.
                    field.Append((char)c);
                    fieldStarted = true;
                    break;
            }
        }

        if (inQuotes)
            throw new CsvFormatException($"line {quoteLine}: a quoted field opened on this line is not closed before the end of the file");
        if (fields.Count > 0 || field.Length > 0 || fieldStarted || closedQuote)
        {
            EndField();
            yield return new CsvRecord(recordLine, fields, error);
        }
    }

    private int Read()
    {
        if (_position == _length && !Fill())
            return End;
        return _buffer[_position++];
    }

    private int Peek()
    {
        if (_position == _length && !Fill())
            return End;
        return _buffer[_position];
    }

    private bool Fill()
    {
        _length = reader.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        return _length > 0;
    }
}
