using System.Globalization;
using EarlyWarning.Rules.Backtesting;

namespace EarlyWarning.Cli.Output;

/// <summary>How times, durations and the run's summary read, the same in every format.</summary>
internal static class ReportText
{
    public static string Minute(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Round-trip ISO 8601 in UTC, as the JSON has it.</summary>
    public static string Iso(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    /// <summary><c>+2h05m</c>, <c>+3d04h</c>.</summary>
    public static string Lateness(TimeSpan late) =>
        late.TotalDays >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"+{(int)late.TotalDays}d{late.Hours:00}h")
            : string.Create(CultureInfo.InvariantCulture, $"+{late.Hours}h{late.Minutes:00}m");

    public static string Status(BacktestWarning warning) =>
        warning.ResolutionReason is { } reason ? $"resolved ({reason})" : warning.Warning.Status;

    /// <summary><c>+2h05m</c>, <c>-0h30m</c> for a warning known before hindsight had it fire.</summary>
    public static string Delay(TimeSpan delay) => delay < TimeSpan.Zero ? "-" + Lateness(delay.Negate())[1..] : Lateness(delay);

    public static string HindsightSummary(HindsightResult result, TimeSpan knownWithin)
    {
        var c = HindsightCounts.Of(result, knownWithin);
        var later = c.LongestDelay is { } longest ? string.Create(CultureInfo.InvariantCulture, $" (the longest {Delay(longest)})") : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"{c.Hindsight:N0} warnings with hindsight: {c.KnownInTime:N0} would have been known within {Rules.Loading.Durations.Format(knownWithin)} of the attacks, {c.KnownLater:N0} later{later}, {c.MissedAsKnown:N0} missed as known; {c.OnlyAsKnown:N0} raised only as known. ")
            + Summary(result.AsKnown);
    }

    public static string Summary(BacktestResult result) => string.Create(CultureInfo.InvariantCulture,
        $"{result.IncidentEvents:N0} incident events read, {result.TooLate:N0} too late to evaluate, {result.Warnings.Count:N0} warnings, in {result.Elapsed.TotalSeconds:0.0} s.");
}
