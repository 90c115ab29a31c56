namespace EarlyWarning.EventStore;

/// <summary>
/// An event id already recorded somewhere other than where this append would put it
/// (another stream, another revision, or only some of the append's ids). Re-appending the same
/// events at the same place is idempotent and never raises this.
/// </summary>
public sealed class DuplicateEventIdException(Guid eventId, StreamName stream, StreamName recordedStream, StreamRevision recordedRevision)
    : EventStoreException($"Event {eventId} appended to '{stream}' is already recorded as '{recordedStream}'@{recordedRevision}, which is not where this append would place it.")
{
    public Guid EventId { get; } = eventId;

    public StreamName Stream { get; } = stream;

    public StreamName RecordedStream { get; } = recordedStream;

    public StreamRevision RecordedRevision { get; } = recordedRevision;
}
