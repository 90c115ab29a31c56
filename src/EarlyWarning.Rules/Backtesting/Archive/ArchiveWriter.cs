using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text.Unicode;

namespace EarlyWarning.Rules.Backtesting.Archive;

/// <summary>
/// Writes one record of a <see cref="WarningArchive"/> into a buffer reused by every record: fixed-width numbers,
/// strings as UTF-8 with their length, and the vocabulary a back-test repeats across its warnings (rules, groups,
/// districts, severities) as indexes into one table of strings, so each distinct value is held once.
/// </summary>
internal sealed class ArchiveWriter
{
    // Most values written are the same few instances (the rule's, the gazetteer's, the decoder's pooled strings): a
    // table of the instances written lately, by identity hash, finds a warning's forty-odd shared values (its rule's
    // and group's, its incidents' types and districts) without hashing them character by character, nor through a
    // comparer's interface in a dictionary (two-fifths of the time of writing a warning's bytes). Bounded by its
    // size, as a table of every instance ever written would not be (an unpooled value would stay for the run).
    private const int RecentLines = 1024;

    private readonly (string? Value, int Index)[] _recent = new (string?, int)[RecentLines];
    private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);
    private byte[] _buffer = new byte[4096];

    /// <summary>The strings written by <see cref="Shared"/>, by index.</summary>
    public List<string> Strings { get; } = [];

    /// <summary>The record written since the last <see cref="Clear"/>.</summary>
    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, Length);

    public int Length { get; private set; }

    public void Clear() => Length = 0;

    public void Int(int value) => BinaryPrimitives.WriteInt32LittleEndian(Take(sizeof(int)), value);

    public void Long(long value) => BinaryPrimitives.WriteInt64LittleEndian(Take(sizeof(long)), value);

    public void Double(double value) => BinaryPrimitives.WriteDoubleLittleEndian(Take(sizeof(double)), value);

    /// <summary>A time with its offset, to the tick, as it was.</summary>
    public void Time(DateTimeOffset value)
    {
        Long(value.Ticks);
        Int((int)(value.Offset.Ticks / TimeSpan.TicksPerMinute));
    }

    public void Time(DateTimeOffset? value)
    {
        Int(value is null ? 0 : 1);
        if (value is { } time)
            Time(time);
    }

    /// <summary>A string of its own (an incident id, a headline): its UTF-8 bytes.</summary>
    public void Text(string value)
    {
        // Encoded once, into room for the most it can take (three bytes a UTF-16 unit), after its length, written
        // once known. An unpaired surrogate becomes U+FFFD, as Encoding.UTF8 makes it.
        var room = Room(sizeof(int) + (value.Length * 3));
        Utf8.FromUtf16(value, room[sizeof(int)..], out _, out var length);
        BinaryPrimitives.WriteInt32LittleEndian(room, length);
        Length += sizeof(int) + length;
    }

    /// <summary>A string many records repeat, or null: its index in <see cref="Strings"/>, −1 for null.</summary>
    public void Shared(string? value)
    {
        if (value is null)
        {
            Int(-1);
            return;
        }
        var line = RuntimeHelpers.GetHashCode(value) & (RecentLines - 1);
        ref var recent = ref _recent[line];
        if (!ReferenceEquals(recent.Value, value))
            recent = (value, IndexOf(value));
        Int(recent.Index);
    }

    private int IndexOf(string value)
    {
        if (!_indexes.TryGetValue(value, out var index))
        {
            index = Strings.Count;
            Strings.Add(value);
            _indexes.Add(value, index);
        }
        return index;
    }

    private Span<byte> Take(int length)
    {
        var span = Room(length);
        Length += length;
        return span;
    }

    /// <summary>The next <paramref name="length"/> bytes of the buffer, made room for but not taken.</summary>
    private Span<byte> Room(int length)
    {
        if (Length + length > _buffer.Length)
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + length));
        return _buffer.AsSpan(Length, length);
    }
}
