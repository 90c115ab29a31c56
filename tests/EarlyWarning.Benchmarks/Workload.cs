namespace EarlyWarning.Benchmarks;

/// <summary>
/// Every count and duration of a run, in one place. The defaults are sized so that each figure is measured
/// over a few seconds (long enough to average out the disk's jitter) and the whole run for both adapters
/// stays within a few minutes; <see cref="BenchmarkOptions.Scale"/> shrinks them all together.
/// </summary>
public sealed record Workload
{
    public const int BatchSize = 100;
    public const int ConcurrentAppenders = 32;

    /// <summary>Single-event appends: each is one fsynced commit, so a couple of thousand take a few seconds.</summary>
    public required int SingleAppends { get; init; }

    /// <summary>Batches of <see cref="BatchSize"/>; 3,000 of them put 300,000 events in $all for the read.</summary>
    public required int Batches { get; init; }

    public required int AppendsPerConcurrentAppender { get; init; }

    public required int LatencySamples { get; init; }

    /// <summary>Pause between live-latency appends: slow enough that the subscriber is idle when each one lands.</summary>
    public TimeSpan LatencyInterval { get; init; } = TimeSpan.FromMilliseconds(2);

    /// <summary>Rows for each raw insert figure, the same number of events as the batch scenario writes.</summary>
    public required int RawRows { get; init; }

    /// <summary>
    /// Rows for the raw inserts that commit every <see cref="BatchSize"/>: fewer, since each commit waits for the
    /// disk and a thousand commits already give a steady rate.
    /// </summary>
    public required int RawCommitRows { get; init; }

    /// <summary>How long the fsync and commit loops run.</summary>
    public required TimeSpan ProbeDuration { get; init; }

    /// <summary>Whether events (and raw rows) get time-ordered (v7) ids, as the product's writers do, or random ones.</summary>
    public bool TimeOrderedIds { get; init; } = true;

    public string IdKind => Describe(TimeOrderedIds);

    /// <summary>The other kind, measured once beside the run's own in the raw limits.</summary>
    public string OtherIdKind => Describe(!TimeOrderedIds);

    private static string Describe(bool timeOrdered) => timeOrdered ? "time-ordered (v7) ids" : "random (v4) ids";

    /// <summary>Warm-ups are this fraction of the measured count: enough for the JIT to reach optimised code and the caches to fill.</summary>
    public double WarmupFraction { get; init; } = 0.05;

    public static Workload From(BenchmarkOptions options) => new()
    {
        SingleAppends = options.Count(2_000),
        Batches = options.Count(3_000),
        AppendsPerConcurrentAppender = options.Count(3_000),
        LatencySamples = options.Count(2_000, minimum: 100),
        RawRows = options.Count(300_000, minimum: 1_000),
        RawCommitRows = options.Count(100_000, minimum: 1_000),
        ProbeDuration = options.Duration(TimeSpan.FromSeconds(2)),
        TimeOrderedIds = options.TimeOrderedIds,
    };

    public int Warmup(int measured, int minimum = 5) => Math.Max(minimum, (int)(measured * WarmupFraction));
}
