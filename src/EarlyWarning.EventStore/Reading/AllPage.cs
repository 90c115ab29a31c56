namespace EarlyWarning.EventStore.Adapters;

/// <summary>
/// One page of <c>$all</c>. <paramref name="ScannedTo"/> is how far the read looked, which with a filter can
/// be well past the last matching event; a reader resumes after it instead of scanning the same rows again.
/// </summary>
public sealed record AllPage(IReadOnlyList<RecordedEvent> Events, GlobalPosition ScannedTo);
