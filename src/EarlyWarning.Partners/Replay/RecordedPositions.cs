using EarlyWarning.EventStore;

namespace EarlyWarning.Partners.Replay;

/// <summary>Where a time falls in <c>$all</c>, for operators who say "since 09:00" rather than a position.</summary>
internal static class RecordedPositions
{
    /// <summary>
    /// The position of the last event recorded before <paramref name="time"/>, or 0 when none was. A binary search
    /// over positions, reading one event per step (about 30 reads for a billion events): positions are dense (see
    /// docs/decisions/0002), so the event after <c>p - 1</c> is the event at <c>p</c>, and recorded times follow
    /// positions. On PostgreSQL a later position may carry a time a few milliseconds earlier (the transaction is
    /// stamped before it commits); the answer is then one of the positions around the boundary.
    /// </summary>
    public static async Task<long> LastBeforeAsync(IEventReader store, DateTimeOffset time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var low = 0L;
        var high = (await store.GetHeadPositionAsync(cancellationToken).ConfigureAwait(false)).Value;
        while (low < high)
        {
            var middle = low + ((high - low + 1) / 2);
            if (await RecordedAtAsync(store, middle, cancellationToken).ConfigureAwait(false) < time)
                low = middle;
            else
                high = middle - 1;
        }
        return low;
    }

    private static async Task<DateTimeOffset> RecordedAtAsync(IEventReader store, long position, CancellationToken cancellationToken)
    {
        await foreach (var recorded in store.ReadAllAsync(new GlobalPosition(position - 1), 1, null, cancellationToken).ConfigureAwait(false))
            return recorded.RecordedAt;
        // Every position up to the head holds an event; were one missing, it would count as later.
        return DateTimeOffset.MaxValue;
    }
}
