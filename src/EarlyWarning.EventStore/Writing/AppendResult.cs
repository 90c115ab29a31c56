namespace EarlyWarning.EventStore;

/// <summary>The outcome of a successful append.</summary>
/// <param name="Stream">The stream appended to.</param>
/// <param name="LastRevision">The revision of the last event of this append: the next exact expectation.</param>
/// <param name="LastPosition">The global position of the last event of this append.</param>
/// <param name="AlreadyRecorded">The same event ids were already recorded at this place; nothing new was written.</param>
public sealed record AppendResult(StreamName Stream, StreamRevision LastRevision, GlobalPosition LastPosition, bool AlreadyRecorded);
