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

    public string Name => ModelName;

    public ReadModelState State => index.State;

    public async Task<ReadModelRebuild> RebuildAsync(CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        var rebuilt = new CapFeedIndex();
        while (true)
        {
            var (_, head) = await ReadModelFold.ToHeadAsync(store, rebuilt.Position, CapFeedFollower.Filter,
                recorded => rebuilt.Take(recorded, registry), cancellationToken).ConfigureAwait(false);
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
