using System.Globalization;
using System.Text.RegularExpressions;

namespace EarlyWarning.Rules.Loading;

/// <summary>Durations as rule files write them: a positive whole number and one unit, <c>90s</c>, <c>30m</c>, <c>6h</c>, <c>7d</c>.</summary>
public static partial class Durations
{
    public static TimeSpan? Parse(string text)
    {
        var match = Pattern().Match(text);
        if (!match.Success || !long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count == 0)
            return null;
        var unit = match.Groups[2].Value switch
        {
            "s" => TimeSpan.TicksPerSecond,
            "m" => TimeSpan.TicksPerMinute,
            "h" => TimeSpan.TicksPerHour,
            _ => TimeSpan.TicksPerDay,
        };
        return count > TimeSpan.MaxValue.Ticks / unit ? null : TimeSpan.FromTicks(count * unit);
    }

    /// <summary>In the largest unit that divides it, as a file would write it: 86400 s is <c>1d</c>, 90 s is <c>90s</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration.Ticks % TimeSpan.TicksPerDay == 0)
            return $"{duration.Ticks / TimeSpan.TicksPerDay}d";
        if (duration.Ticks % TimeSpan.TicksPerHour == 0)
            return $"{duration.Ticks / TimeSpan.TicksPerHour}h";
        if (duration.Ticks % TimeSpan.TicksPerMinute == 0)
            return $"{duration.Ticks / TimeSpan.TicksPerMinute}m";
        return $"{duration.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s";
    }

    [GeneratedRegex("^([0-9]+)([smhd])$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
