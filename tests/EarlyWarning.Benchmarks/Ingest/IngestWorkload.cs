namespace EarlyWarning.Benchmarks.Ingest;

/// <summary>
/// Every count and duration of the ingest suite, scaled by <see cref="BenchmarkOptions.Scale"/> like the store
/// suite's. At scale 1 both modes together take about four minutes on the 2-vCPU machine of docs/benchmarks.md.
/// </summary>
public sealed record IngestWorkload
{
    /// <summary>Reports published before anything is measured: JIT, connections, the broker's queue, the store's pages.</summary>
    public required int Warmup { get; init; }

    /// <summary>Reports of each throughput figure: a few seconds at the target rate.</summary>
    public required int Reports { get; init; }

    /// <summary>The fixed rate of the latency figures.</summary>
    public int LatencyRate { get; init; } = 1_000;

    public required TimeSpan LatencyDuration { get; init; }

    public int LatencyReports => Math.Max(100, (int)(LatencyRate * LatencyDuration.TotalSeconds));

    /// <summary>
    /// Publishes in flight at once in the throughput figures. A publish to RabbitMQ waits for the broker's
    /// confirm, so one publisher awaiting each in turn measures the round trip, not the broker.
    /// </summary>
    public int Publishers { get; init; } = 256;

    /// <summary>The share of reports that are a second source's report of an attack already reported.</summary>
    public double CorroboratingShare { get; init; } = 0.2;

    public static IngestWorkload For(IngestMode mode, BenchmarkOptions options) => new()
    {
        Warmup = options.Count(mode.Warmup, minimum: 200),
        Reports = options.Count(mode.Reports, minimum: 1_000),
        LatencyDuration = options.Duration(TimeSpan.FromSeconds(20)),
        Publishers = options.Publishers ?? 256,
    };
}
