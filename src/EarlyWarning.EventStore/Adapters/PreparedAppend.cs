namespace EarlyWarning.EventStore.Adapters;

/// <summary>A validated <see cref="StreamAppend"/>.</summary>
public sealed record PreparedAppend(StreamName Stream, ExpectedRevision Expected, IReadOnlyList<PreparedEvent> Events);
