using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.Rules.Model;

namespace EarlyWarning.Rules.Tests.Oracle;

/// <summary>Rule sets built in code for the oracle tests: one rule per kind, with parameters that make <see cref="RandomIncidents"/> fire them often.</summary>
public static class OracleRules
{
    public static readonly TimeSpan DefaultQuiet = TimeSpan.FromHours(12);

    public static RuleSet Set(TimeSpan allowedLateness, params Rule[] rules) =>
        new("oracle", rules, allowedLateness, RandomIncidents.Sites, []);

    public static Rule Rule(
        string id,
        RulePattern pattern,
        IncidentFilter? where = null,
        GroupBy groupBy = GroupBy.Province,
        TimeSpan? quietPeriod = null,
        string severity = CapSeverity.Moderate,
        IReadOnlyList<SeverityStep>? steps = null,
        IReadOnlyList<string>? inhibits = null) =>
        new(
            id,
            $"Oracle rule {id}",
            null,
            pattern,
            where ?? IncidentFilter.Any,
            pattern is RulePattern.Proximity ? GroupBy.Site : groupBy,
            quietPeriod ?? DefaultQuiet,
            new Alerting(severity, CapUrgency.Immediate, CapCertainty.Observed, steps ?? []),
            inhibits ?? [],
            $"fingerprint-{id}",
            default);

    public static Rule Spread(DistinctField distinct = DistinctField.District) => Rule(
        "coordinated-attacks",
        new RulePattern.Spread(TimeSpan.FromHours(6), MinIncidents: 4, MinDistinct: distinct == DistinctField.Province ? 2 : 3, distinct),
        new IncidentFilter(IncidentTypes: IncidentTypes.Attacks),
        // Two provinces in one province's group cannot happen; across the country they can.
        distinct == DistinctField.Province ? GroupBy.All : GroupBy.Province,
        severity: CapSeverity.Severe,
        steps: [new SeverityStep(Measure.Incidents, 7, CapSeverity.Extreme), new SeverityStep(Measure.Killed, 40, CapSeverity.Extreme)]);

    public static Rule Threshold(GroupBy groupBy = GroupBy.District) => Rule(
        "district-cluster",
        new RulePattern.Threshold(TimeSpan.FromHours(12), MinIncidents: 3),
        new IncidentFilter(MinReliability: "C"),
        groupBy,
        steps: [new SeverityStep(Measure.Incidents, 5, CapSeverity.Severe), new SeverityStep(Measure.Killed, 20, CapSeverity.Extreme)]);

    public static Rule Single() => Rule(
        "mass-casualty",
        new RulePattern.Single(),
        new IncidentFilter(
            Perpetrators: Set("bla", "ttp", "iskp"),
            MinKilled: 6,
            KilledSides: Set("security-forces", "civilians")),
        GroupBy.Province,
        quietPeriod: TimeSpan.FromHours(8),
        severity: CapSeverity.Severe,
        steps: [new SeverityStep(Measure.Killed, 14, CapSeverity.Extreme)]);

    public static Rule TrendRatio(TimeSpan? bucket = null) => Rule(
        "surge",
        bucket is { } b && b < TimeSpan.FromDays(1)
            ? new RulePattern.Trend(TimeSpan.FromHours(12), TimeSpan.FromDays(3), b, Ratio: 2.0, ZScore: null, MinIncidents: 3, MinBaseline: 2)
            : new RulePattern.Trend(TimeSpan.FromDays(1), TimeSpan.FromDays(7), TimeSpan.FromDays(1), Ratio: 2.0, ZScore: null, MinIncidents: 3, MinBaseline: 2),
        new IncidentFilter(IncidentTypes: IncidentTypes.Attacks),
        GroupBy.Province,
        steps: [new SeverityStep(Measure.Ratio, 3.5, CapSeverity.Severe), new SeverityStep(Measure.Killed, 8, CapSeverity.Extreme)]);

    /// <summary>A window of many buckets, grouped by district: groups fall quiet for buckets on end and come back within a window.</summary>
    public static Rule TrendLongWindow() => Rule(
        "surge-long",
        new RulePattern.Trend(TimeSpan.FromDays(2), TimeSpan.FromDays(4), TimeSpan.FromHours(6), Ratio: 1.5, ZScore: null, MinIncidents: 2, MinBaseline: 1),
        new IncidentFilter(IncidentTypes: IncidentTypes.Attacks),
        GroupBy.District,
        steps: [new SeverityStep(Measure.Ratio, 3, CapSeverity.Severe)]);

    public static Rule TrendZScore() => Rule(
        "surge-z",
        new RulePattern.Trend(TimeSpan.FromDays(1), TimeSpan.FromDays(7), TimeSpan.FromDays(1), Ratio: null, ZScore: 1.5, MinIncidents: 2, MinBaseline: 1),
        new IncidentFilter(IncidentTypes: IncidentTypes.Attacks),
        GroupBy.District,
        steps: [new SeverityStep(Measure.ZScore, 2.5, CapSeverity.Severe)]);

    public static Rule Proximity(string minGeoPrecision = GeoPrecision.Near, IReadOnlyList<string>? siteIds = null) => Rule(
        "near-critical-site",
        new RulePattern.Proximity(RadiusKm: 25, siteIds ?? [], minGeoPrecision),
        new IncidentFilter(IncidentTypes: IncidentTypes.Attacks),
        quietPeriod: TimeSpan.FromHours(18),
        steps: [new SeverityStep(Measure.Killed, 6, CapSeverity.Severe)]);

    public static Rule Sequence(GroupBy groupBy = GroupBy.District) => Rule(
        "kidnap-then-bomb",
        new RulePattern.Sequence(
            new IncidentFilter(IncidentTypes: Set(IncidentTypes.TargetedKilling, IncidentTypes.Kidnapping, IncidentTypes.ArmedAssault)),
            new IncidentFilter(IncidentTypes: Set(IncidentTypes.Bombing, IncidentTypes.SuicideAttack)),
            TimeSpan.FromHours(24)),
        groupBy: groupBy,
        steps: [new SeverityStep(Measure.Incidents, 3, CapSeverity.Extreme)]);

    /// <summary>
    /// A sequence whose first and then share a type, so an incident can be both (it counts once at its own point),
    /// with severity steps on every measure a sequence point has.
    /// </summary>
    public static Rule SequenceOverlapping(GroupBy groupBy = GroupBy.Province) => Rule(
        "assault-then-attack",
        new RulePattern.Sequence(
            new IncidentFilter(IncidentTypes: Set(IncidentTypes.Kidnapping, IncidentTypes.ArmedAssault)),
            new IncidentFilter(IncidentTypes: Set(IncidentTypes.ArmedAssault, IncidentTypes.Bombing)),
            TimeSpan.FromHours(18)),
        groupBy: groupBy,
        // Grouped by district, a point's incidents share one district: two would be a miscount.
        steps: [new SeverityStep(Measure.Distinct, 2, CapSeverity.Severe), new SeverityStep(Measure.Killed, 20, CapSeverity.Extreme), new SeverityStep(Measure.Incidents, 6, CapSeverity.Extreme)]);

    public static IReadOnlySet<string> Set(params string[] values) => new HashSet<string>(values, StringComparer.Ordinal);
}
