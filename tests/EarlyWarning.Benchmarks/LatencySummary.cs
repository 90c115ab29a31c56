using System.Diagnostics;

namespace EarlyWarning.Benchmarks;

/// <summary>Percentiles of a set of latencies, in milliseconds.</summary>
public sealed record LatencySummary(int Samples, double P50, double P99, double Max, double Mean)
{
    /// <summary>The machine's CPU while the samples were taken: wake-up latency is what a busy CPU hurts first.</summary>
    public MachineUse? Machine { get; init; }

    /// <summary>From <see cref="Stopwatch"/> tick differences, which are the cheapest thing to record in a hot loop.</summary>
    public static LatencySummary FromStopwatchTicks(IReadOnlyCollection<long> ticks)
    {
        if (ticks.Count == 0)
            return new LatencySummary(0, double.NaN, double.NaN, double.NaN, double.NaN);
        var ms = ticks.Select(t => t * 1000.0 / Stopwatch.Frequency).Order().ToArray();
        return new LatencySummary(ms.Length, Percentile(ms, 0.50), Percentile(ms, 0.99), ms[^1], ms.Average());
    }

    /// <summary>Nearest-rank percentile: a value that was actually observed, never an interpolation between two.</summary>
    private static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    public override string ToString() => $"p50 {Format.Ms(P50)} · p99 {Format.Ms(P99)} · max {Format.Ms(Max)}";
}
