using EarlyWarning.EventStore;

namespace EarlyWarning.Ingest.Pipeline;

/// <summary>One validated message waiting for the ingest loop, and the source waiting for its outcome.</summary>
internal abstract class IngestWork(EventMetadata metadata)
{
    public EventMetadata Metadata { get; } = metadata;

    public TaskCompletionSource<IngestOutcome> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How often an append of this work met another writer's and had to be decided again.</summary>
    public int Conflicts { get; set; }
}
