namespace EarlyWarning.Rules.Backtesting;

/// <summary>How a warning of the hindsight comparison fared; the values are the wire names of the reports.</summary>
public static class HindsightOutcome
{
    /// <summary>Raised both with hindsight and as known.</summary>
    public const string Known = "known";

    /// <summary>Raised with hindsight, never as known: a report came too late to be evaluated, say.</summary>
    public const string MissedAsKnown = "missed-as-known";

    /// <summary>Raised as known, not with hindsight: by a report later retracted or corrected away.</summary>
    public const string OnlyAsKnown = "only-as-known";

    /// <summary>Matched by warning id.</summary>
    public const string ById = "id";

    /// <summary>Matched by rule, group and an overlapping event-time window.</summary>
    public const string ByRuleGroupWindow = "rule-group-window";
}
