using System.Globalization;

namespace EarlyWarning.Benchmarks.Rules;

/// <summary>p50, p90, p99 and max of a set of latencies in milliseconds, nearest-rank (always an observed value).</summary>
public sealed record Percentiles(int Samples, double P50, double P90, double P99, double Max)
{
    public static Percentiles Of(IReadOnlyCollection<double> milliseconds)
    {
        if (milliseconds.Count == 0)
            return new Percentiles(0, double.NaN, double.NaN, double.NaN, double.NaN);
        var sorted = milliseconds.Order().ToArray();
        double At(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Percentiles(sorted.Length, At(0.50), At(0.90), At(0.99), sorted[^1]);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"p50 {Format.Ms(P50)} · p90 {Format.Ms(P90)} · p99 {Format.Ms(P99)} · max {Format.Ms(Max)}");
}
