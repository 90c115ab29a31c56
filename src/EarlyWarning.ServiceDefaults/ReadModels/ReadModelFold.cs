using EarlyWarning.EventStore;

namespace EarlyWarning.ServiceDefaults.ReadModels;

/// <summary>The read of a rebuild: what a fresh model folds before it can be swapped in.</summary>
public static class ReadModelFold
{
    /// <summary>
    /// Hands <paramref name="apply"/> every event after <paramref name="after"/> that <paramref name="filter"/> passes, in
    /// store order, to the end of <c>$all</c>. Returns how many it handed over, and the store's head as read before
    /// the first: the model has read at least that far even when the last events were of streams it does not read.
    /// </summary>
    public static async Task<(long Folded, GlobalPosition Head)> ToHeadAsync(
        IEventReader store, GlobalPosition after, EventFilter filter, Action<RecordedEvent> apply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(apply);
        var head = await store.GetHeadPositionAsync(cancellationToken).ConfigureAwait(false);
        var folded = 0L;
        // The store reads in pages of its own; one read to the end is enough.
        await foreach (var recorded in store.ReadAllAsync(after, long.MaxValue, filter, cancellationToken).ConfigureAwait(false))
        {
            folded++;
            apply(recorded);
        }
        return (folded, head);
    }
}
