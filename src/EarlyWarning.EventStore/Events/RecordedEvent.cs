namespace EarlyWarning.EventStore;

/// <summary>An event as the store recorded it.</summary>
public sealed class RecordedEvent(
    Guid eventId,
    string type,
    StreamName stream,
    StreamRevision revision,
    GlobalPosition position,
    DateTimeOffset recordedAt,
    ReadOnlyMemory<byte> data,
    ReadOnlyMemory<byte> metadataJson)
{
    // Decoded on first use: most readers of $all filter on type and never look at metadata.
    private EventMetadata? _metadata;

    public Guid EventId { get; } = eventId;

    /// <summary>The stable wire name.</summary>
    public string Type { get; } = type;

    public StreamName Stream { get; } = stream;

    public StreamRevision Revision { get; } = revision;

    public GlobalPosition Position { get; } = position;

    /// <summary>When the store committed it (UTC, microsecond precision in every adapter).</summary>
    public DateTimeOffset RecordedAt { get; } = recordedAt;

    /// <summary>UTF-8 JSON, exactly as appended.</summary>
    public ReadOnlyMemory<byte> Data { get; } = data;

    /// <summary>The metadata as stored, UTF-8 JSON.</summary>
    public ReadOnlyMemory<byte> MetadataJson { get; } = metadataJson;

    public EventMetadata Metadata => _metadata ??= MetadataCodec.Decode(MetadataJson.Span);

    public override string ToString() => $"{Stream}@{Revision} #{Position} {Type}";
}
