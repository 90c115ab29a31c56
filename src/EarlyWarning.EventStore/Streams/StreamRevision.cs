namespace EarlyWarning.EventStore;

/// <summary>The zero-based position of an event within its stream.</summary>
public readonly record struct StreamRevision(long Value) : IComparable<StreamRevision>
{
    /// <summary>The first event of a stream.</summary>
    public static readonly StreamRevision Start = new(0);

    /// <summary>The last event of a stream, whatever it is; used to read backwards from the end.</summary>
    public static readonly StreamRevision End = new(long.MaxValue);

    public StreamRevision Next() => new(Value + 1);

    public int CompareTo(StreamRevision other) => Value.CompareTo(other.Value);

    public static bool operator <(StreamRevision left, StreamRevision right) => left.Value < right.Value;
    public static bool operator >(StreamRevision left, StreamRevision right) => left.Value > right.Value;
    public static bool operator <=(StreamRevision left, StreamRevision right) => left.Value <= right.Value;
    public static bool operator >=(StreamRevision left, StreamRevision right) => left.Value >= right.Value;

    public static implicit operator StreamRevision(long value) => new(value);

    public override string ToString() => Value == long.MaxValue ? "end" : Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
