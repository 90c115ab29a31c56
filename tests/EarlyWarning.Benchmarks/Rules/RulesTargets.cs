namespace EarlyWarning.Benchmarks.Rules;

/// <summary>The goals of the rules issue, and the published figures of other engines printed beside the first.</summary>
public static class RulesTargets
{
    public static readonly Target EngineRate = Target.AtLeast(2_000_000);

    /// <summary>Back-test of 1,000,000 stored incidents, end to end, in milliseconds.</summary>
    public static readonly Target Backtest = new("≤ 5 s (1,000,000 incidents)", 5_000, HigherIsBetter: false);

    public static readonly Target LiveLatencyP99 = Target.Below(20);

    public const string Anchors = "Esper ~7,000,000 events/s (one group-by query, one thread); Siddhi ~100,000/s (sliding windows)";
}
