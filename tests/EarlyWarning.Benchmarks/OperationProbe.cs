namespace EarlyWarning.Benchmarks;

/// <summary>A loop of one repeated operation (an fsync, a commit): its rate, and how long each one took.</summary>
public sealed record OperationProbe(Throughput Rate, LatencySummary Latency);
