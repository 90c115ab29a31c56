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

    /// <summary>The position of the last recorded event, or <see cref="GlobalPosition.Start"/> for an empty store.</summary>
    Task<GlobalPosition> GetHeadPositionAsync(CancellationToken cancellationToken = default);
}
