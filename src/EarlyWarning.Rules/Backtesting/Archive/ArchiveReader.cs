using System.Buffers.Binary;
using System.Text;

namespace EarlyWarning.Rules.Backtesting.Archive;

/// <summary>Reads a record of a <see cref="WarningArchive"/> in the order <see cref="ArchiveWriter"/> wrote it.</summary>
internal ref struct ArchiveReader(ReadOnlySpan<byte> record, List<string> strings)
{
    private readonly ReadOnlySpan<byte> _record = record;
    private int _at;

    public int Int() => BinaryPrimitives.ReadInt32LittleEndian(Take(sizeof(int)));

    public long Long() => BinaryPrimitives.ReadInt64LittleEndian(Take(sizeof(long)));

    public double Double() => BinaryPrimitives.ReadDoubleLittleEndian(Take(sizeof(double)));

    public DateTimeOffset Time()
    {
        var ticks = Long();
        return new DateTimeOffset(ticks, TimeSpan.FromMinutes(Int()));
    }

    public DateTimeOffset? OptionalTime() => Int() == 0 ? null : Time();

    public string Text() => Encoding.UTF8.GetString(Take(Int()));

    public string? Shared() => Int() is var index and >= 0 ? strings[index] : null;

    /// <summary>A shared string the writer never writes as null.</summary>
    public string SharedValue() => Shared() ?? throw new InvalidDataException("An archived warning lacks a value it always has.");

    private ReadOnlySpan<byte> Take(int length)
    {
        var span = _record.Slice(_at, length);
        _at += length;
        return span;
    }
}
