namespace EarlyWarning.EventStore.Adapters;

/// <summary>An event that passed validation, with its metadata already encoded for storage.</summary>
public sealed record PreparedEvent(EventData Event, byte[] MetadataJson);
