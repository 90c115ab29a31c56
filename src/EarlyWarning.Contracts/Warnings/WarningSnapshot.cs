namespace EarlyWarning.Contracts.Warnings;

/// <summary>
/// A warning as it stands after an event. Every warning event carries the whole snapshot, so a reader keeps only
/// the latest one per warning.
/// </summary>
/// <param name="WarningId">Deterministic: derived from rule, group and first incident, so live and replayed runs agree.</param>
/// <param name="RuleId">The rule that holds.</param>
/// <param name="RuleTitle">The rule's title, for people.</param>
/// <param name="RuleKind">spread, threshold, single, trend, proximity or sequence.</param>
/// <param name="RuleSetHash">Content hash of the rule set in force when the rule was evaluated.</param>
/// <param name="GroupBy">What the rule groups by: all, province, district or site.</param>
/// <param name="GroupKey">The group's key: <c>all</c>, a province or district id, or a site id.</param>
/// <param name="GroupName">The group's name, for people.</param>
/// <param name="ProvinceId">The province the warning concerns, when it concerns one.</param>
/// <param name="Status"><c>open</c> or <c>resolved</c>.</param>
/// <param name="Severity">CAP 1.2 severity (<see cref="Vocabulary.CapSeverity"/>).</param>
/// <param name="Urgency">CAP 1.2 urgency.</param>
/// <param name="Certainty">CAP 1.2 certainty.</param>
/// <param name="FirstIncidentId">The incident at which the pattern first held; part of the id.</param>
/// <param name="FirstHeldAt">Event time at which the pattern first held.</param>
/// <param name="LastHeldAt">Event time at which the pattern last held.</param>
/// <param name="ResolvedAt">Event time at which it resolved, when resolved.</param>
/// <param name="Incidents">The incidents that took part in the pattern while it held, in event-time order: the first <see cref="MaxListedIncidents"/>.</param>
/// <param name="IncidentCount">How many incidents took part, listed or not.</param>
/// <param name="DistrictIds">The distinct districts of all its incidents, sorted.</param>
/// <param name="Killed">Killed on all sides across all its incidents.</param>
/// <param name="Measure">The rule's own measure at its peak: incidents, distinct values, or the trend's ratio or z-score.</param>
/// <param name="Headline">One line for a SOC operator.</param>
/// <param name="Suppression">Set while a silence or an inhibition keeps the warning from being notified.</param>
public sealed record WarningSnapshot(
    string WarningId,
    string RuleId,
    string RuleTitle,
    string RuleKind,
    string RuleSetHash,
    string GroupBy,
    string GroupKey,
    string GroupName,
    string? ProvinceId,
    string Status,
    string Severity,
    string Urgency,
    string Certainty,
    string FirstIncidentId,
    DateTimeOffset FirstHeldAt,
    DateTimeOffset LastHeldAt,
    DateTimeOffset? ResolvedAt,
    IReadOnlyList<WarningIncident> Incidents,
    int IncidentCount,
    IReadOnlyList<string> DistrictIds,
    int Killed,
    double Measure,
    string Headline,
    WarningSuppression? Suppression)
{
    /// <summary>The pattern holds or may still grow.</summary>
    public const string Open = "open";

    /// <summary>Closed: quiet for the rule's quiet period, withdrawn, superseded, or its rule was changed.</summary>
    public const string Resolved = "resolved";

    /// <summary>A long trend lists its first incidents and counts the rest, so no event grows without bound.</summary>
    public const int MaxListedIncidents = 100;
}
