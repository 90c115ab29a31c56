using System.Diagnostics;
using EarlyWarning.EventStore;
using EarlyWarning.ServiceDefaults.ReadModels;

namespace EarlyWarning.Warnings.Board;

/// <summary>
/// The board as an operator's read model: a rebuild folds the whole store into a new picture while the board keeps
/// serving and following with the old one, reads on until it has caught up with the follower, and swaps it in.
/// </summary>
internal sealed class WarningBoardReadModel(IEventStore store, EventTypeRegistry registry, WarningBoard board, TimeProvider clock) : IReadModel
{
    public const string ModelName = "warnings-board";

    public string Name => ModelName;

    public ReadModelState State => board.State;

    public async Task<ReadModelRebuild> RebuildAsync(CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        var picture = new Picture(Picture.DefaultIncidentCapacity);
        var folded = 0L;
        while (true)
        {
            var (read, head) = await ReadModelFold.ToHeadAsync(store, new GlobalPosition(picture.Position), Picture.Filter,
                recorded => picture.Apply(recorded, registry), cancellationToken).ConfigureAwait(false);
            folded += read;
            picture.ReadTo(head.Value);
            var now = clock.GetUtcNow();
            if (board.TrySwap(picture, folded, now))
                return new ReadModelRebuild(folded, picture.Position, elapsed.Elapsed, now);
        }
    }
}
