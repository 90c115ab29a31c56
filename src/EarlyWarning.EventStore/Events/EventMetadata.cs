using System.Text.Json.Serialization;

namespace EarlyWarning.EventStore;

/// <summary>
/// What travels with every event besides its data: who caused it and the trace it belongs to,
/// so a subscriber's span links back to the writer's (W3C trace context, as KurrentDB keeps <c>$traceId</c>).
/// </summary>
public sealed record EventMetadata
{
    public static readonly EventMetadata Empty = new();

    /// <summary>Ties together every event that one request or report led to.</summary>
    [JsonPropertyName("correlationId")]
    public string? CorrelationId { get; init; }

    /// <summary>The id of the event or message that directly caused this one.</summary>
    [JsonPropertyName("causationId")]
    public string? CausationId { get; init; }

    /// <summary>W3C <c>traceparent</c> of the writer's span.</summary>
    [JsonPropertyName("traceparent")]
    public string? TraceParent { get; init; }

    /// <summary>W3C <c>tracestate</c>, when the writer had one.</summary>
    [JsonPropertyName("tracestate")]
    public string? TraceState { get; init; }

    /// <summary>The service or source that wrote the event.</summary>
    [JsonPropertyName("source")]
    public string? Source { get; init; }

    /// <summary>Version of the event's data schema, for upcasting.</summary>
    [JsonPropertyName("schemaVersion")]
    public int SchemaVersion { get; init; } = 1;
}
