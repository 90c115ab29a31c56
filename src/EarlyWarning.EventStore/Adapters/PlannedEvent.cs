namespace EarlyWarning.EventStore.Adapters;

/// <summary>An event with its place decided: what an adapter inserts.</summary>
public readonly record struct PlannedEvent(GlobalPosition Position, StreamName Stream, StreamRevision Revision, PreparedEvent Prepared);
