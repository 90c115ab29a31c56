namespace EarlyWarning.EventStore;

/// <summary>The stream was not where the writer expected it; nothing was written.</summary>
public sealed class WrongExpectedVersionException(StreamName stream, ExpectedRevision expected, StreamRevision? actual)
    : EventStoreException($"Append to '{stream}' expected {expected} but the stream is at {(actual is null ? "no-stream" : actual.Value.ToString())}.")
{
    public StreamName Stream { get; } = stream;

    public ExpectedRevision Expected { get; } = expected;

    /// <summary>The revision of the stream's last event, or null when the stream does not exist.</summary>
    public StreamRevision? Actual { get; } = actual;
}
