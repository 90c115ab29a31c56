using EarlyWarning.EventStore;

namespace EarlyWarning.Contracts.Warnings;

/// <summary>A warning closed; it is never reopened (a new episode of the pattern is a new warning).</summary>
/// <param name="Warning">The warning as closed.</param>
/// <param name="Version">The warning's version, one more than its previous event's.</param>
/// <param name="Reason">One of the <c>Reason*</c> constants.</param>
/// <param name="SupersededBy">For <see cref="ReasonSuperseded"/>: the warning that now covers its incidents.</param>
/// <param name="KnownAt">When the store recorded the event that resolved it.</param>
[EventType("V1.WarningResolved")]
public sealed record WarningResolved(WarningSnapshot Warning, int Version, string Reason, string? SupersededBy, DateTimeOffset KnownAt)
{
    /// <summary>The pattern has not held for the rule's quiet period, on event time.</summary>
    public const string ReasonQuiet = "quiet";

    /// <summary>Retractions or corrections took away what the pattern rested on.</summary>
    public const string ReasonWithdrawn = "withdrawn";

    /// <summary>A late report showed the pattern began earlier: another warning now covers it.</summary>
    public const string ReasonSuperseded = "superseded";

    /// <summary>A new rule set changed or removed the rule.</summary>
    public const string ReasonRuleChanged = "rule-changed";
}
