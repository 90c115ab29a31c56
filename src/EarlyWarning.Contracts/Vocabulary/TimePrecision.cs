namespace EarlyWarning.Contracts.Vocabulary;

/// <summary>How precise a reported occurred-at is (ACLED's time_precision 1, the exact day, maps to <see cref="Day"/>).</summary>
public static class TimePrecision
{
    /// <summary>To the minute.</summary>
    public const string Exact = "exact";

    /// <summary>Within the hour.</summary>
    public const string Hour = "hour";

    /// <summary>Only the day is known.</summary>
    public const string Day = "day";

    /// <summary>Every time precision.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { Exact, Hour, Day };

    /// <summary>How far the true time may lie from the reported one at this precision.</summary>
    public static TimeSpan Slack(string precision) => precision switch
    {
        Hour => TimeSpan.FromHours(1),
        Day => TimeSpan.FromHours(24),
        _ => TimeSpan.Zero,
    };
}
