namespace EarlyWarning.Benchmarks;

/// <summary>The five figures measured through the store's public API, and two that explain them.</summary>
/// <param name="ConcurrentEventsPerCommit">How many events the group commit put in each commit while 32 appenders ran.</param>
/// <param name="AppendAckLatency">From the call to AppendToStreamAsync to its return, in the live-latency run: the commit's share of the latency.</param>
public sealed record StoreResults(
    Throughput SingleAppends,
    Throughput Batches,
    Throughput ConcurrentAppends,
    double ConcurrentEventsPerCommit,
    Throughput ReadAll,
    LatencySummary LiveLatency,
    LatencySummary AppendAckLatency);
