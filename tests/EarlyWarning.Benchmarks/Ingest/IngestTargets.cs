namespace EarlyWarning.Benchmarks.Ingest;

/// <summary>The goals set for ingest: reports from the bus into the store, and how soon a subscriber sees one.</summary>
public static class IngestTargets
{
    public static readonly Target DistributedThroughput = Target.AtLeast(5_000);
    public static readonly Target EmbeddedThroughput = Target.AtLeast(30_000);
    public static readonly Target LatencyP99 = Target.Below(50);
}
