using System.Globalization;

namespace EarlyWarning.Cli.Output;

/// <summary>
/// Writes RFC 4180 rows field by field straight to the output: a value is quoted when it holds a comma, a quote or
/// a line end; numbers, times and durations are formatted into a buffer, not into strings of their own. A report of
/// 160,000 warnings spent more time building each row as strings than writing it.
/// </summary>
internal sealed class CsvWriter(TextWriter output)
{
    private static readonly char[] Special = [',', '"', '\r', '\n'];

    private bool _rowStarted;

    public void Field(string value) => Field(value.AsSpan());

    public void Field(ReadOnlySpan<char> value)
    {
        Separate();
        if (value.IndexOfAny(Special) < 0)
        {
            output.Write(value);
            return;
        }
        output.Write('"');
        // Each quote doubled: the text up to and with it, then the quote again.
        for (var quote = value.IndexOf('"'); quote >= 0; quote = value.IndexOf('"'))
        {
            output.Write(value[..(quote + 1)]);
            output.Write('"');
            value = value[(quote + 1)..];
        }
        output.Write(value);
        output.Write('"');
    }

    /// <summary>The values joined by semicolons, as one field.</summary>
    public void Joined(IEnumerable<string> values) => Field(string.Join(';', values));

    // Every value below fits its buffer: a round-trip time is 33 characters, a constant-format duration 26 at
    // most, an int 11, a shortest round-trip double 24.

    /// <summary>An ISO 8601 time in UTC, to the tick, as ReportText.Iso writes it; empty when none.</summary>
    public void Time(DateTimeOffset? time)
    {
        Span<char> buffer = stackalloc char[64];
        var written = 0;
        _ = time?.ToUniversalTime().TryFormat(buffer, out written, "O", CultureInfo.InvariantCulture);
        Field(buffer[..written]);
    }

    /// <summary>A duration in the invariant constant format (<c>d.hh:mm:ss</c>); empty when none.</summary>
    public void Duration(TimeSpan? duration)
    {
        Span<char> buffer = stackalloc char[64];
        var written = 0;
        _ = duration?.TryFormat(buffer, out written, "c", CultureInfo.InvariantCulture);
        Field(buffer[..written]);
    }

    public void Number(int value)
    {
        Span<char> buffer = stackalloc char[16];
        _ = value.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture);
        Field(buffer[..written]);
    }

    public void Number(double value)
    {
        Span<char> buffer = stackalloc char[64];
        _ = value.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture);
        Field(buffer[..written]);
    }

    /// <summary>Ends the row with CRLF.</summary>
    public void EndRow()
    {
        output.Write("\r\n");
        _rowStarted = false;
    }

    private void Separate()
    {
        if (_rowStarted)
            output.Write(',');
        _rowStarted = true;
    }
}
