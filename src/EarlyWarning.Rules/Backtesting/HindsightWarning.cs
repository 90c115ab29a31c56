namespace EarlyWarning.Rules.Backtesting;

/// <summary>One warning of the hindsight comparison: the same pattern with hindsight and as known, or in one of them only.</summary>
/// <param name="Outcome"><see cref="HindsightOutcome.Known"/>, <see cref="HindsightOutcome.MissedAsKnown"/> or <see cref="HindsightOutcome.OnlyAsKnown"/>.</param>
/// <param name="MatchedBy"><see cref="HindsightOutcome.ById"/> or <see cref="HindsightOutcome.ByRuleGroupWindow"/>; null when in one run only.</param>
/// <param name="Hindsight">The warning with hindsight; null when only as known.</param>
/// <param name="AsKnown">The warning as known it was matched with (or the warning only as known); null when missed as known.</param>
/// <param name="AlsoKnownAs">Other warnings as known of the same pattern, e.g. one superseded when a late report moved its start.</param>
/// <param name="FiredAt">Event time at which it would have fired with hindsight.</param>
/// <param name="KnownAt">When it could be known: the earliest recorded time at which a matched warning as known was raised.</param>
/// <param name="Delay"><paramref name="KnownAt"/> minus <paramref name="FiredAt"/>, when both are set.</param>
/// <param name="Severity">The severity with hindsight (or as known, when only as known).</param>
/// <param name="SeverityHeldAt">Event time at which the warning reached <paramref name="Severity"/> with hindsight.</param>
/// <param name="SeverityKnownAt">Recorded time at which a matched warning as known first stood at <paramref name="Severity"/> or above; null if it never did.</param>
/// <param name="SeverityDelay"><paramref name="SeverityKnownAt"/> minus <paramref name="SeverityHeldAt"/>, when both are set.</param>
public sealed record HindsightWarning(
    string Outcome,
    string? MatchedBy,
    BacktestWarning? Hindsight,
    BacktestWarning? AsKnown,
    IReadOnlyList<string> AlsoKnownAs,
    DateTimeOffset? FiredAt,
    DateTimeOffset? KnownAt,
    TimeSpan? Delay,
    string Severity,
    DateTimeOffset? SeverityHeldAt,
    DateTimeOffset? SeverityKnownAt,
    TimeSpan? SeverityDelay);
