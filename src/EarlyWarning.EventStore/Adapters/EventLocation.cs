namespace EarlyWarning.EventStore.Adapters;

/// <summary>Where an already recorded event id sits.</summary>
public readonly record struct EventLocation(StreamName Stream, StreamRevision Revision, GlobalPosition Position);
