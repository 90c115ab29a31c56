using System.Globalization;

namespace EarlyWarning.Benchmarks;

/// <summary>Number formatting for the report: invariant, so the table reads the same on every machine.</summary>
public static class Format
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Rate(double perSecond) => perSecond.ToString("#,##0", Invariant) + "/s";

    public static string Count(long count) => count.ToString("#,##0", Invariant);

    public static string Ms(double milliseconds) => milliseconds.ToString(milliseconds < 10 ? "0.00" : "0.0", Invariant) + " ms";

    public static string Percent(double fraction) => (fraction * 100).ToString("0", Invariant) + " %";
}
