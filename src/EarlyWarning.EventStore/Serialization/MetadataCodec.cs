using System.Text.Json;

namespace EarlyWarning.EventStore;

/// <summary>Encodes metadata as stored JSON, and reads it back leniently: a store written by another tool must still open.</summary>
public static class MetadataCodec
{
    public static byte[] Encode(EventMetadata metadata) =>
        JsonSerializer.SerializeToUtf8Bytes(metadata, StoreJsonContext.Default.EventMetadata);

    public static EventMetadata Decode(ReadOnlySpan<byte> json)
    {
        if (json.IsEmpty)
            return EventMetadata.Empty;
        try
        {
            return JsonSerializer.Deserialize(json, StoreJsonContext.Default.EventMetadata) ?? EventMetadata.Empty;
        }
        catch (JsonException)
        {
            return EventMetadata.Empty;
        }
    }
}
