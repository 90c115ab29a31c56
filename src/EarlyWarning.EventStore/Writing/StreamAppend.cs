namespace EarlyWarning.EventStore;

/// <summary>Events to append to one stream, with the writer's expectation of that stream.</summary>
public sealed record StreamAppend(StreamName Stream, ExpectedRevision Expected, IReadOnlyList<EventData> Events);
