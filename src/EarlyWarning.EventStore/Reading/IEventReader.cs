namespace EarlyWarning.EventStore;

public interface IEventReader
{
    /// <summary>
    /// Reads a stream from <paramref name="from"/> (inclusive) in <paramref name="direction"/>, at most
    /// <paramref name="maxCount"/> events; a stream that does not exist reads as empty.
    /// </summary>
    IAsyncEnumerable<RecordedEvent> ReadStreamAsync(StreamName stream, Direction direction, StreamRevision from, long maxCount, CancellationToken cancellationToken = default);

    /// <summary>Reads <c>$all</c> forwards from after <paramref name="after"/>, at most <paramref name="maxCount"/> events.</summary>
    IAsyncEnumerable<RecordedEvent> ReadAllAsync(GlobalPosition after, long maxCount, EventFilter? filter = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads <c>$all</c> as <see cref="ReadAllAsync"/> does, handing each event to <paramref name="visitor"/> as a view
    /// over the store's buffers instead of making a <see cref="RecordedEvent"/> of it: for readers of millions of
    /// events that keep a little of each (a back-test). Returns the position of the last event visited, or
    /// <paramref name="after"/> when there was none.
    /// </summary>
    Task<GlobalPosition> ScanAllAsync(GlobalPosition after, int maxCount, EventFilter? filter, IEventVisitor visitor, CancellationToken cancellationToken = default) =>
        EventScan.ByReadingAsync(this, after, maxCount, filter, visitor, cancellationToken);

    /// <summary>The position of the last recorded event, or <see cref="GlobalPosition.Start"/> for an empty store.</summary>
    Task<GlobalPosition> GetHeadPositionAsync(CancellationToken cancellationToken = default);
}
