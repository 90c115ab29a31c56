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
        var live = false;
        var pageSize = store.Options.ReadPageSize;
        while (!cancellationToken.IsCancellationRequested)
        {
            var seen = store.Signal.Version;
            var page = await store.ReadAllPageAsync(position, pageSize, filter, cancellationToken).ConfigureAwait(false);
            foreach (var e in page.Events)
                yield return new SubscriptionMessage.Event(e);
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
                yield return new SubscriptionMessage.CaughtUp(position);
            }
            await store.Signal.WaitAsync(seen, store.Options.LivePollInterval, cancellationToken).ConfigureAwait(false);
        }
    }
}
