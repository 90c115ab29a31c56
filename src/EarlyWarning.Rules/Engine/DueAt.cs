namespace EarlyWarning.Rules.Engine;

/// <summary>
/// An entry of the engine's queue of quiet periods: a warning and an event time at or before the one the watermark
/// must pass to resolve it. A warning has one live entry, at <see cref="WarningRecord.Queued"/>; others are stale and
/// skipped when they come up. A quiet period that ends later leaves the entry where it is, and the entry moves to the
/// warning's <see cref="WarningRecord.Due"/> when it comes up; only one that ends earlier adds an entry. Most updates
/// push a warning's end later, so most touch no heap at all.
/// </summary>
internal readonly record struct DueAt(long Ticks, WarningRecord Record) : IComparable<DueAt>
{
    /// <summary>
    /// By time, then by warning id: warnings due at the same time resolve in the order of their ids, whatever order
    /// they were scheduled in. The queue takes the struct's own order, which the compiler calls directly, rather
    /// than a comparer it calls through an interface at every step of a sift.
    /// </summary>
    public int CompareTo(DueAt other)
    {
        var byTime = Ticks.CompareTo(other.Ticks);
        if (byTime != 0 || ReferenceEquals(Record, other.Record))
            return byTime;
        return string.CompareOrdinal(Record.Id, other.Record.Id);
    }

    public bool IsStale => Record.Queued != Ticks;
}
