using System.Runtime.CompilerServices;
using EarlyWarning.EventStore.Adapters;

namespace EarlyWarning.EventStore;

/// <summary>
/// Catch-up then live, one loop: read pages until a short one (caught up), then wait for the signal or the
/// poll and read again. Correct only because every adapter makes positions visible in order (see
/// docs/decisions/0002), so "everything after my position" never misses an event committed late.
/// </summary>
internal static class CatchUpSubscription
{
    public static async IAsyncEnumerable<SubscriptionMessage> RunAsync(
        EventStoreBase store,
        GlobalPosition after,
        EventFilter? filter,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var position = after;
        // How far the consumer has been told it has read: by an event, or by a caught-up or checkpoint message.
        var told = after;
        var live = false;
        var pageSize = store.Options.ReadPageSize;
        while (true)
        {
            // Cancelled, the subscription always ends by throwing, as it does from inside a read or a wait: ending
            // quietly when cancelled between two messages would look to its reader like the end of the store.
            cancellationToken.ThrowIfCancellationRequested();
            var seen = store.Signal.Version;
            var page = await store.ReadAllPageAsync(position, pageSize, filter, cancellationToken).ConfigureAwait(false);
            foreach (var e in page.Events)
            {
                told = e.Position;
                yield return new SubscriptionMessage.Event(e);
            }
            if (page.ScannedTo > position)
                position = page.ScannedTo;

            if (page.Events.Count >= pageSize)
            {
                if (live)
                {
                    live = false;
                    yield return new SubscriptionMessage.FellBehind(position);
                }
                continue;
            }

            if (!live)
            {
                live = true;
                told = position;
                yield return new SubscriptionMessage.CaughtUp(position);
            }
            else if (position > told)
            {
                // Only a filter leaves a gap between the last event and the scan, so an unfiltered reader never sees one.
                told = position;
                yield return new SubscriptionMessage.CheckpointReached(position);
            }
            await store.Signal.WaitAsync(seen, store.Options.LivePollInterval, cancellationToken).ConfigureAwait(false);
        }
    }
}
