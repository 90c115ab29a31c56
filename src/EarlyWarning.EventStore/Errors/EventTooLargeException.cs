namespace EarlyWarning.EventStore;

/// <summary>An event's data and metadata together exceed the store's size limit; nothing was written.</summary>
public sealed class EventTooLargeException(Guid eventId, long size, long limit)
    : ArgumentException($"Event {eventId} is {size} bytes (data and metadata); the limit is {limit} bytes.")
{
    public Guid EventId { get; } = eventId;

    public long Size { get; } = size;

    public long Limit { get; } = limit;
}
