using System.Diagnostics;
using EarlyWarning.EventStore;
using EarlyWarning.ServiceDefaults.ReadModels;

namespace EarlyWarning.Warnings.Cap;

/// <summary>
/// The CAP feed's index as an operator's read model: a rebuild reads the warning streams from the start into a new
/// index while the feed keeps being served and followed with the old one, reads on until it has caught up with the
/// follower, and swaps its entries in.
/// </summary>
internal sealed class CapFeedReadModel(IEventStore store, EventTypeRegistry registry, CapFeedIndex index, TimeProvider clock) : IReadModel
{
    public const string ModelName = "cap-feed";

    private const int PageSize = 4096;

    public string Name => ModelName;

    public ReadModelState State => index.State;

    public async Task<ReadModelRebuild> RebuildAsync(CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        var rebuilt = new CapFeedIndex();
        while (true)
        {
            // The head first, so the new index has read to it even when the last events were not of warning streams.
            var head = await store.GetHeadPositionAsync(cancellationToken).ConfigureAwait(false);
            while (true)
            {
                var read = 0;
                await foreach (var recorded in store.ReadAllAsync(rebuilt.Position, PageSize, CapFeedFollower.Filter, cancellationToken).ConfigureAwait(false))
                {
                    read++;
                    rebuilt.Take(recorded, registry);
                }
                if (read < PageSize)
                    break;
            }
            rebuilt.ReadTo(head);
            var now = clock.GetUtcNow();
            if (index.TrySwap(rebuilt, now))
            {
                var state = rebuilt.State;
                return new ReadModelRebuild(state.EventsFolded, state.Position, elapsed.Elapsed, now);
            }
        }
    }
}
