namespace EarlyWarning.Rules.Engine;

/// <summary>
/// An entry of the engine's queue of quiet periods: a warning and the event time the watermark must pass to resolve
/// it. A reschedule adds a new entry and leaves the old one in the queue; an entry whose time is no longer its
/// warning's <see cref="WarningRecord.Due"/> is stale and skipped when it comes up. That makes an update a push onto
/// a heap instead of a removal and an insertion in a sorted set, which compared ids on every step.
/// </summary>
internal readonly record struct DueAt(long Ticks, WarningRecord Record)
{
    /// <summary>By time, then by warning id: warnings due at the same time resolve in the order of their ids, whatever order they were scheduled in.</summary>
    public static IComparer<DueAt> Order { get; } = Comparer<DueAt>.Create(static (a, b) =>
    {
        var byTime = a.Ticks.CompareTo(b.Ticks);
        if (byTime != 0 || ReferenceEquals(a.Record, b.Record))
            return byTime;
        return string.CompareOrdinal(a.Record.Id, b.Record.Id);
    });

    public bool IsStale => Record.Due != Ticks;
}
