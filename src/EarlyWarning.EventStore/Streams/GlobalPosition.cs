namespace EarlyWarning.EventStore;

/// <summary>The position of an event in <c>$all</c>, the one total order of everything recorded. Positions start at 1.</summary>
public readonly record struct GlobalPosition(long Value) : IComparable<GlobalPosition>
{
    /// <summary>Before the first event: reading or subscribing after it starts at the beginning.</summary>
    public static readonly GlobalPosition Start = new(0);

    public int CompareTo(GlobalPosition other) => Value.CompareTo(other.Value);

    public static bool operator <(GlobalPosition left, GlobalPosition right) => left.Value < right.Value;
    public static bool operator >(GlobalPosition left, GlobalPosition right) => left.Value > right.Value;
    public static bool operator <=(GlobalPosition left, GlobalPosition right) => left.Value <= right.Value;
    public static bool operator >=(GlobalPosition left, GlobalPosition right) => left.Value >= right.Value;

    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
