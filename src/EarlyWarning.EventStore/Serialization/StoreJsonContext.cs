using System.Text.Json.Serialization;

namespace EarlyWarning.EventStore;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EventMetadata))]
internal sealed partial class StoreJsonContext : JsonSerializerContext;
