using EarlyWarning.Contracts.Soc;
using EarlyWarning.Contracts.Warnings;
using EarlyWarning.EventStore;

namespace EarlyWarning.Warnings.Board;

/// <summary>Pictures of the past, folded from the store on demand with the same fold as the live board.</summary>
public static class PictureHistory
{
    private const int PageSize = 4096;

    // Recorded times follow positions, but PostgreSQL stamps a transaction before it commits, so a later position
    // may carry a slightly earlier time. Reading this far past T before stopping keeps such events in.
    private static readonly TimeSpan CommitSkew = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Incidents and warnings as recorded up to <paramref name="asOf"/>: what was known then. Corrections and late
    /// reports recorded afterwards are left out even when they concern earlier events.
    /// </summary>
    public static async Task<PictureView> AsOfAsync(IEventReader store, EventTypeRegistry registry, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var picture = new Picture(Picture.DefaultIncidentCapacity);
        var position = GlobalPosition.Start;
        var included = 0L;
        while (true)
        {
            var read = 0;
            await foreach (var recorded in store.ReadAllAsync(position, PageSize, Picture.Filter, cancellationToken).ConfigureAwait(false))
            {
                read++;
                position = recorded.Position;
                if (recorded.RecordedAt > asOf + CommitSkew)
                    return Finish(picture, included, asOf);
                if (recorded.RecordedAt > asOf)
                    continue;
                picture.Apply(recorded, registry);
                included = recorded.Position.Value;
            }
            if (read == 0)
                return Finish(picture, included, asOf);
        }
    }

    /// <summary>One warning folded from its own streams, with every event of both in store order.</summary>
    public static async Task<(WarningView? Warning, IReadOnlyList<RecordedEvent> History)> WarningAsync(
        IEventReader store, EventTypeRegistry registry, string warningId, CancellationToken cancellationToken)
    {
        var history = new List<RecordedEvent>();
        foreach (var stream in new[] { WarningStreams.Warning(warningId), SocStreams.Soc(warningId) })
        {
            await foreach (var recorded in store.ReadStreamAsync(stream, Direction.Forwards, StreamRevision.Start, long.MaxValue, cancellationToken).ConfigureAwait(false))
                history.Add(recorded);
        }
        history.Sort((a, b) => a.Position.CompareTo(b.Position));
        var picture = new Picture(0);
        foreach (var recorded in history)
            picture.Apply(recorded, registry);
        return (picture.Warning(warningId), history);
    }

    private static PictureView Finish(Picture picture, long included, DateTimeOffset asOf)
    {
        var view = picture.View(asOf);
        return view with { Position = included };
    }
}
