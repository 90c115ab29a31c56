namespace EarlyWarning.EventStore;

/// <summary>
/// A recorded event as a scan of <c>$all</c> hands it over (<see cref="IEventReader.ScanAllAsync"/>): what a reader
/// of many events needs, over the store's own buffers. Valid only during the <see cref="IEventVisitor.Visit"/> call
/// it is given to: copy what must outlive it.
/// </summary>
public readonly ref struct EventView(GlobalPosition position, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data, DateTimeOffset recordedAt)
{
    public GlobalPosition Position { get; } = position;

    /// <summary>The event type, UTF-8.</summary>
    public ReadOnlySpan<byte> Type { get; } = type;

    /// <summary>The event's JSON, UTF-8, as appended.</summary>
    public ReadOnlySpan<byte> Data { get; } = data;

    public DateTimeOffset RecordedAt { get; } = recordedAt;
}
