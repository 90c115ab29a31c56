using System.Globalization;

namespace EarlyWarning.Benchmarks;

/// <summary>A figure's goal, and the verdict on a measured value against it.</summary>
public sealed record Target(string Text, double Threshold, bool HigherIsBetter)
{
    /// <summary>No goal: the figure is reported for what it shows (e.g. the fsync-bound single append).</summary>
    public static readonly Target None = new("—", double.NaN, HigherIsBetter: true);

    public static Target AtLeast(double perSecond) => new("≥ " + Format.Rate(perSecond), perSecond, HigherIsBetter: true);

    public static Target Below(double milliseconds) => new("p99 < " + Format.Ms(milliseconds), milliseconds, HigherIsBetter: false);

    public string Verdict(double measured)
    {
        if (double.IsNaN(Threshold))
            return "no target";
        if (HigherIsBetter)
        {
            return measured >= Threshold
                ? "met"
                : $"**missed**: reached {Format.Percent(measured / Threshold)} of it, short by {Format.Rate(Threshold - measured)}";
        }
        return measured < Threshold
            ? "met"
            : $"**missed**: {(measured / Threshold).ToString("0.0", CultureInfo.InvariantCulture)}× the limit";
    }
}
