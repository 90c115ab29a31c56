namespace EarlyWarning.EventStore;

/// <summary>An event proposed for appending.</summary>
/// <param name="EventId">Chosen by the writer; appending the same id again at the same place is a no-op, which makes retries safe.</param>
/// <param name="Type">The stable wire name, e.g. <c>V1.IncidentReported</c>.</param>
/// <param name="Data">UTF-8 JSON.</param>
/// <param name="Metadata">Correlation, causation, trace context and source.</param>
public sealed record EventData(Guid EventId, string Type, ReadOnlyMemory<byte> Data, EventMetadata Metadata)
{
    /// <summary>The longest event type name accepted, in characters.</summary>
    public const int MaxTypeLength = 256;

    public EventData(Guid eventId, string type, string json, EventMetadata? metadata = null)
        : this(eventId, type, System.Text.Encoding.UTF8.GetBytes(json), metadata ?? EventMetadata.Empty)
    {
    }
}
