using EarlyWarning.Contracts.Incidents;
using EarlyWarning.Contracts.Reports;
using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.Contracts.Warnings;
using EarlyWarning.Rules.Engine;
using EarlyWarning.Rules.Model;

namespace EarlyWarning.Rules.Tests.Oracle;

/// <summary>The oracle alone, on cases worked out by hand from docs/rules.md, so that agreeing with it means something.</summary>
public sealed class BruteForceEvaluatorTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan Lateness = TimeSpan.FromHours(24);

    [Fact]
    public void four_incidents_in_three_districts_within_six_hours_fire_a_spread_rule_at_the_fourth()
    {
        var rule = OracleRules.Rule("spread", new RulePattern.Spread(TimeSpan.FromHours(6), 4, 3, DistinctField.District), severity: CapSeverity.Severe);
        var result = Evaluate([rule],
            RandomIncidents.Incident("a1", At(0), "quetta", killed: 2),
            RandomIncidents.Incident("a2", At(1), "mastung", killed: 1),
            RandomIncidents.Incident("a3", At(2), "kech"),
            RandomIncidents.Incident("a4", At(5), "quetta", killed: 4),
            RandomIncidents.Incident("p1", At(3), "peshawar"));

        var warning = Assert.Single(result.Warnings);
        Assert.Equal(WarningIds.For("spread", "balochistan", "a4", At(5)), warning.Id);
        Assert.Equal("balochistan", warning.GroupKey);
        Assert.Equal("a4", warning.FirstIncidentId);
        Assert.Equal(At(5), warning.FirstHeldAt);
        Assert.Equal(At(5), warning.LastHeldAt);
        Assert.Equal(["a1", "a2", "a3", "a4"], warning.IncidentIds);
        Assert.Equal(["kech", "mastung", "quetta"], warning.DistrictIds);
        Assert.Equal(7, warning.Killed);
        Assert.Equal(3, warning.Measure);
        Assert.Equal(WarningSnapshot.Open, warning.Status);
        Assert.Null(warning.ResolvedAt);
        Assert.Equal(CapSeverity.Severe, warning.Severity);
    }

    [Fact]
    public void a_spread_rule_does_not_fire_when_the_first_incident_has_left_the_half_open_window()
    {
        // (t − 6h, t] at 06:00 excludes 00:00: three incidents in two districts.
        var rule = OracleRules.Rule("spread", new RulePattern.Spread(TimeSpan.FromHours(6), 4, 3, DistinctField.District));
        var result = Evaluate([rule],
            RandomIncidents.Incident("a1", At(0), "quetta"),
            RandomIncidents.Incident("a2", At(1), "mastung"),
            RandomIncidents.Incident("a3", At(2), "quetta"),
            RandomIncidents.Incident("a4", At(6), "quetta"));

        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void two_bursts_thirteen_hours_apart_with_a_twelve_hour_quiet_period_are_two_episodes()
    {
        var rule = OracleRules.Rule("cluster", new RulePattern.Threshold(TimeSpan.FromHours(6), 3), groupBy: GroupBy.District);
        var result = Evaluate([rule],
            RandomIncidents.Incident("b1", At(0), "quetta"),
            RandomIncidents.Incident("b2", At(0.5), "quetta"),
            RandomIncidents.Incident("b3", At(1), "quetta"),
            RandomIncidents.Incident("b4", At(13), "quetta"),
            RandomIncidents.Incident("b5", At(13.5), "quetta"),
            RandomIncidents.Incident("b6", At(14), "quetta"),
            RandomIncidents.Incident("far", At(72), "peshawar"));

        Assert.Collection(
            result.Warnings.OrderBy(w => w.FirstHeldAt),
            first =>
            {
                Assert.Equal("b3", first.FirstIncidentId);
                Assert.Equal(["b1", "b2", "b3"], first.IncidentIds);
                Assert.Equal(WarningSnapshot.Resolved, first.Status);
                Assert.Equal(At(13), first.ResolvedAt);
            },
            second =>
            {
                Assert.Equal("b6", second.FirstIncidentId);
                Assert.Equal(["b4", "b5", "b6"], second.IncidentIds);
                Assert.Equal(WarningSnapshot.Resolved, second.Status);
                Assert.Equal(At(26), second.ResolvedAt);
            });
    }

    [Fact]
    public void bursts_eleven_hours_apart_are_one_episode_holding_the_union_of_their_windows()
    {
        var rule = OracleRules.Rule(
            "cluster",
            new RulePattern.Threshold(TimeSpan.FromHours(6), 3),
            groupBy: GroupBy.District,
            steps: [new SeverityStep(Measure.Incidents, 4, CapSeverity.Extreme)]);
        var result = Evaluate([rule],
            RandomIncidents.Incident("b1", At(0), "quetta", killed: 1),
            RandomIncidents.Incident("b2", At(0.5), "quetta", killed: 2),
            RandomIncidents.Incident("b3", At(1), "quetta"),
            RandomIncidents.Incident("b4", At(11), "quetta"),
            RandomIncidents.Incident("b5", At(11.5), "quetta"),
            RandomIncidents.Incident("b6", At(12), "quetta", killed: 5),
            RandomIncidents.Incident("b7", At(12.5), "quetta"));

        var warning = Assert.Single(result.Warnings);
        Assert.Equal("b3", warning.FirstIncidentId);
        Assert.Equal(At(12.5), warning.LastHeldAt);
        Assert.Equal(["b1", "b2", "b3", "b4", "b5", "b6", "b7"], warning.IncidentIds);
        Assert.Equal(8, warning.Killed);
        Assert.Equal(4, warning.Measure);
        Assert.Equal(CapSeverity.Extreme, warning.Severity);
    }

    [Fact]
    public void a_ratio_trend_counts_utc_days_and_every_entry_of_the_day_fires_with_the_days_count()
    {
        // Baseline days 1..7 hold 4 incidents, so expected = 4 × 1/7. Day 8 holds 4: ratio 4 / (4/7) = 7 ≥ 2, and every
        // entry of the day sees that count, the first as much as the last. x3 is at 03:00+05:00 on the 10th, 22:00Z on the
        // 9th: day 8 in UTC (by local date it would be day 9, leaving day 8 three incidents and a ratio of 5.25).
        var rule = OracleRules.Rule(
            "surge",
            new RulePattern.Trend(TimeSpan.FromDays(1), TimeSpan.FromDays(7), TimeSpan.FromDays(1), 2.0, null, 3, 2),
            steps: [new SeverityStep(Measure.Ratio, 6, CapSeverity.Extreme), new SeverityStep(Measure.Incidents, 5, CapSeverity.Extreme)]);
        var day8 = T0.AddDays(8);
        var result = Evaluate([rule],
            RandomIncidents.Incident("d1", T0.AddDays(1).AddHours(5), "quetta"),
            RandomIncidents.Incident("d3", T0.AddDays(3).AddHours(5), "kech"),
            RandomIncidents.Incident("d5", T0.AddDays(5).AddHours(5), "quetta"),
            RandomIncidents.Incident("d7", T0.AddDays(7).AddHours(23), "gwadar"),
            RandomIncidents.Incident("x1", day8.AddHours(8), "quetta", killed: 2),
            RandomIncidents.Incident("x2", day8.AddHours(11), "quetta"),
            RandomIncidents.Incident("x3", new DateTimeOffset(2025, 3, 10, 3, 0, 0, TimeSpan.FromHours(5)), "quetta"),
            RandomIncidents.Incident("x4", day8.AddHours(23), "mastung", killed: 3),
            RandomIncidents.Incident("y1", T0.AddDays(9).AddHours(1), "quetta"));

        var warning = Assert.Single(result.Warnings);
        Assert.Equal("x1", warning.FirstIncidentId);
        Assert.Equal(day8.AddHours(23), warning.LastHeldAt);
        Assert.Equal(["x1", "x2", "x3", "x4"], warning.IncidentIds);
        Assert.Equal(7, warning.Measure, 9);
        Assert.Equal(5, warning.Killed);
        Assert.Equal(CapSeverity.Extreme, warning.Severity);
        Assert.Equal(["mastung", "quetta"], warning.DistrictIds);
    }

    [Fact]
    public void a_trend_step_on_incidents_counts_the_window_not_the_firing_incident()
    {
        // Same shape with three on day 8: ratio 5.25 reaches no ratio step, but incidents = current = 3 reaches its step.
        var rule = OracleRules.Rule(
            "surge",
            new RulePattern.Trend(TimeSpan.FromDays(1), TimeSpan.FromDays(7), TimeSpan.FromDays(1), 2.0, null, 3, 2),
            steps: [new SeverityStep(Measure.Ratio, 6, CapSeverity.Extreme), new SeverityStep(Measure.Incidents, 3, CapSeverity.Severe)]);
        var day8 = T0.AddDays(8);
        var result = Evaluate([rule],
            RandomIncidents.Incident("d1", T0.AddDays(1), "quetta"),
            RandomIncidents.Incident("d3", T0.AddDays(3), "quetta"),
            RandomIncidents.Incident("d5", T0.AddDays(5), "quetta"),
            RandomIncidents.Incident("d7", T0.AddDays(7), "quetta"),
            RandomIncidents.Incident("x1", day8.AddHours(1), "quetta"),
            RandomIncidents.Incident("x2", day8.AddHours(2), "quetta"),
            RandomIncidents.Incident("x3", day8.AddHours(3), "quetta"));

        var warning = Assert.Single(result.Warnings);
        Assert.Equal(5.25, warning.Measure, 9);
        Assert.Equal(CapSeverity.Severe, warning.Severity);
    }

    [Fact]
    public void a_z_score_trend_compares_the_day_with_the_baseline_days_mean_and_population_deviation()
    {
        // Baseline slices [1,0,1,0,1,0,1]: μ = 4/7, σ = √12/7. Day 8 holds 3: z = (3 − 4/7)·7/√12 = 17/√12 for all three.
        var rule = OracleRules.Rule("surge-z", new RulePattern.Trend(TimeSpan.FromDays(1), TimeSpan.FromDays(7), TimeSpan.FromDays(1), null, 2.0, 2, 1));
        var result = Evaluate([rule],
            RandomIncidents.Incident("d1", T0.AddDays(1).AddHours(5), "quetta"),
            RandomIncidents.Incident("d3", T0.AddDays(3).AddHours(5), "quetta"),
            RandomIncidents.Incident("d5", T0.AddDays(5).AddHours(5), "quetta"),
            RandomIncidents.Incident("d7", T0.AddDays(7).AddHours(5), "quetta"),
            RandomIncidents.Incident("x1", T0.AddDays(8).AddHours(1), "quetta"),
            RandomIncidents.Incident("x2", T0.AddDays(8).AddHours(2), "quetta"),
            RandomIncidents.Incident("x3", T0.AddDays(8).AddHours(3), "quetta"));

        var warning = Assert.Single(result.Warnings);
        Assert.Equal("x1", warning.FirstIncidentId);
        Assert.Equal(["x1", "x2", "x3"], warning.IncidentIds);
        Assert.Equal(17 / Math.Sqrt(12), warning.Measure, 9);
    }

    [Fact]
    public void a_z_score_trend_over_a_flat_baseline_fires_above_the_mean_and_reports_the_excess()
    {
        var rule = OracleRules.Rule("surge-z", new RulePattern.Trend(TimeSpan.FromDays(1), TimeSpan.FromDays(7), TimeSpan.FromDays(1), null, 3.0, 2, 1));
        var baseline = Enumerable.Range(1, 7).Select(d => RandomIncidents.Incident($"d{d}", T0.AddDays(d).AddHours(12), "quetta"));
        var result = Evaluate([rule],
        [
            .. baseline,
            RandomIncidents.Incident("x1", T0.AddDays(8).AddHours(1), "quetta"),
            RandomIncidents.Incident("x2", T0.AddDays(8).AddHours(2), "quetta"),
            RandomIncidents.Incident("x3", T0.AddDays(8).AddHours(3), "quetta"),
        ]);

        // σ = 0 and current 3 > μ = 1: z = +∞ ≥ 3, the measure reported is 3 − 1.
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("x1", warning.FirstIncidentId);
        Assert.Equal(2, warning.Measure, 9);
    }

    [Fact]
    public void a_six_hour_bucket_is_counted_from_midnight_utc()
    {
        // Buckets of 6h: window 12h = 2 buckets, baseline 1d = 4 buckets. 05:59Z is bucket 0 of the day, 06:00Z bucket 1.
        var rule = OracleRules.Rule("surge-6h", new RulePattern.Trend(TimeSpan.FromHours(12), TimeSpan.FromDays(1), TimeSpan.FromHours(6), 3.0, null, 2, 1));
        var day = T0.AddDays(1);
        var result = Evaluate([rule],
            RandomIncidents.Incident("base", T0.AddHours(13), "quetta"),
            RandomIncidents.Incident("edge", day.AddHours(5).AddMinutes(59), "quetta"),
            RandomIncidents.Incident("x1", day.AddHours(6), "quetta"),
            RandomIncidents.Incident("x2", day.AddHours(7), "quetta"));

        // At edge (bucket 0 of the day): current = buckets −1..0 = 1 < 2. At x1 and x2 (bucket 1): current = buckets 0..1
        // = {edge, x1, x2} = 3, base = buckets −4..−1 = {base} = 1, expected = 1 × 2/4 = 0.5, 3 ≥ 3 × 0.5: ratio 6.
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("x1", warning.FirstIncidentId);
        Assert.Equal(6, warning.Measure, 9);
        Assert.Equal(0, BruteForceEvaluator.BucketOf(day.AddHours(5).AddMinutes(59), TimeSpan.FromHours(6)) - BruteForceEvaluator.BucketOf(day, TimeSpan.FromHours(6)));
    }

    [Fact]
    public void proximity_counts_incidents_within_the_radius_located_precisely_enough()
    {
        var site = new CriticalSite("port", "Port", 25.12, 62.33, "balochistan", null);
        var near = OracleRules.Rule("near-port", new RulePattern.Proximity(20, [], GeoPrecision.Near));
        var exact = OracleRules.Rule("exact-port", new RulePattern.Proximity(20, [], GeoPrecision.Exact));
        var ruleSet = new RuleSet("hand", [near, exact], Lateness, [site], []);

        // 0.1° of latitude is about 11.1 km; 0.2° about 22.2 km.
        var result = BruteForceEvaluator.Evaluate(ruleSet, Inputs(
            RandomIncidents.Incident("in-exact", At(0), "gwadar", point: (25.22, 62.33, GeoPrecision.Exact)),
            RandomIncidents.Incident("in-near", At(1), "gwadar", point: (25.02, 62.33, GeoPrecision.Near)),
            RandomIncidents.Incident("in-region", At(2), "gwadar", point: (25.12, 62.34, GeoPrecision.Region)),
            RandomIncidents.Incident("out-exact", At(3), "gwadar", point: (25.32, 62.33, GeoPrecision.Exact))));

        var nearWarning = Assert.Single(result.Warnings, w => w.RuleId == "near-port");
        Assert.Equal("port", nearWarning.GroupKey);
        Assert.Equal(["in-exact", "in-near"], nearWarning.IncidentIds);
        Assert.Equal(1, nearWarning.Measure);
        var exactWarning = Assert.Single(result.Warnings, w => w.RuleId == "exact-port");
        Assert.Equal(["in-exact"], exactWarning.IncidentIds);
    }

    [Fact]
    public void a_sequence_fires_at_a_then_incident_with_a_first_incident_earlier_in_its_window()
    {
        var rule = OracleRules.Rule(
            "kidnap-then-bomb",
            new RulePattern.Sequence(
                new IncidentFilter(IncidentTypes: OracleRules.Set(IncidentTypes.Kidnapping)),
                new IncidentFilter(IncidentTypes: OracleRules.Set(IncidentTypes.Bombing)),
                TimeSpan.FromHours(24)),
            groupBy: GroupBy.District);
        var result = Evaluate([rule],
            RandomIncidents.Incident("b0", At(-1), "quetta", type: IncidentTypes.Bombing),
            RandomIncidents.Incident("k1", At(0), "quetta", type: IncidentTypes.Kidnapping),
            RandomIncidents.Incident("k2", At(2), "quetta", type: IncidentTypes.Kidnapping),
            RandomIncidents.Incident("b1", At(13), "quetta", type: IncidentTypes.Bombing),
            RandomIncidents.Incident("b2", At(24.5), "quetta", type: IncidentTypes.Bombing),
            RandomIncidents.Incident("b3", At(27), "quetta", type: IncidentTypes.Bombing),
            RandomIncidents.Incident("b4", At(10), "kech", type: IncidentTypes.Bombing));

        // b0: no kidnapping before it. b1: k1, k2 within 24h → 3 entries. b2 (window after 00:30): k2 → 2, 11.5h after b1.
        // b3 (window after 03:00): none, so no point. b4: nothing before it in Kech.
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("b1", warning.FirstIncidentId);
        Assert.Equal(At(24.5), warning.LastHeldAt);
        Assert.Equal(["k1", "k2", "b1", "b2"], warning.IncidentIds);
        Assert.Equal(3, warning.Measure);
    }

    [Fact]
    public void entries_that_occurred_at_the_same_time_are_ordered_by_ordinal_incident_id()
    {
        // Ordinal: "B" (0x42) before "a" (0x61); a culture comparison would put "a" first.
        var rule = OracleRules.Rule("pair", new RulePattern.Threshold(TimeSpan.FromHours(1), 2), groupBy: GroupBy.All);
        var result = Evaluate([rule],
            RandomIncidents.Incident("a", At(0), "quetta"),
            RandomIncidents.Incident("B", At(0), "peshawar"));

        var warning = Assert.Single(result.Warnings);
        Assert.Equal("all", warning.GroupKey);
        Assert.Equal("a", warning.FirstIncidentId);
        Assert.Equal(["B", "a"], warning.IncidentIds);
        Assert.Equal(["peshawar", "quetta"], warning.DistrictIds);
    }

    [Fact]
    public void an_event_before_the_watermark_changes_nothing_and_a_late_one_within_it_counts()
    {
        var rule = OracleRules.Rule("single", new RulePattern.Single(), groupBy: GroupBy.District);
        var late = RandomIncidents.Incident("late", At(30), "quetta");
        var tooLate = RandomIncidents.Incident("too-late", At(20), "quetta");
        var result = BruteForceEvaluator.Evaluate(OracleRules.Set(Lateness, rule), Inputs(
            late,
            RandomIncidents.Incident("front", At(45), "kech"),
            RandomIncidents.Incident("ok", At(21), "quetta"),
            tooLate,
            late with { Withdrawn = true },
            tooLate with { Withdrawn = true }));

        Assert.Equal(At(45), result.Frontier);
        Assert.Equal(At(21), result.Watermark);
        Assert.Equal(2, result.TooLate);
        Assert.Equal(["front", "ok"], result.Warnings.Select(w => w.FirstIncidentId).Order(StringComparer.Ordinal));
        Assert.Equal(WarningSnapshot.Open, Assert.Single(result.Warnings, w => w.FirstIncidentId == "ok").Status);
    }

    [Fact]
    public void a_warning_resolves_only_once_the_watermark_is_later_than_its_last_point_plus_the_quiet_period()
    {
        var rule = OracleRules.Rule("single", new RulePattern.Single(), groupBy: GroupBy.District, quietPeriod: TimeSpan.FromHours(12));
        var atBoundary = Evaluate([rule], RandomIncidents.Incident("s", At(0), "quetta"), RandomIncidents.Incident("f", At(36), "kech"));
        var past = Evaluate([rule], RandomIncidents.Incident("s", At(0), "quetta"), RandomIncidents.Incident("f", At(36.01), "kech"));

        Assert.Equal(WarningSnapshot.Open, Assert.Single(atBoundary.Warnings, w => w.FirstIncidentId == "s").Status);
        var resolved = Assert.Single(past.Warnings, w => w.FirstIncidentId == "s");
        Assert.Equal(WarningSnapshot.Resolved, resolved.Status);
        Assert.Equal(At(12), resolved.ResolvedAt);
    }

    [Fact]
    public void the_latest_version_of_an_incident_counts_and_a_withdrawn_one_counts_nowhere()
    {
        var rule = OracleRules.Rule("cluster", new RulePattern.Threshold(TimeSpan.FromHours(6), 2), groupBy: GroupBy.District);
        var first = RandomIncidents.Incident("c1", At(0), "quetta", killed: 1);
        var result = Evaluate([rule],
            first,
            RandomIncidents.Incident("c2", At(1), "quetta"),
            RandomIncidents.Incident("c3", At(2), "quetta"),
            first with { Casualties = new Casualties(Civilians: new SideCasualties(3), Militants: new SideCasualties(2)) },
            RandomIncidents.Incident("c2", At(1), "quetta") with { Withdrawn = true });

        var warning = Assert.Single(result.Warnings);
        Assert.Equal("c3", warning.FirstIncidentId);
        Assert.Equal(["c1", "c3"], warning.IncidentIds);
        Assert.Equal(5, warning.Killed);
    }

    [Fact]
    public void filters_compare_perpetrators_ignoring_case_and_count_killed_on_the_named_sides()
    {
        var filter = new IncidentFilter(Perpetrators: OracleRules.Set("bla"), MinKilled: 3, KilledSides: OracleRules.Set("civilians"), MinReliability: "C");
        var incident = RandomIncidents.Incident("f", At(0), "quetta", perpetrator: "BLA", reliability: "C") with
        {
            Casualties = new Casualties(new SideCasualties(10), new SideCasualties(3), null),
        };

        Assert.True(BruteForceEvaluator.Passes(filter, incident));
        Assert.False(BruteForceEvaluator.Passes(filter, incident with { Perpetrator = null }));
        Assert.False(BruteForceEvaluator.Passes(filter, incident with { BestReliability = "D" }));
        Assert.False(BruteForceEvaluator.Passes(filter, incident with { Casualties = new Casualties(new SideCasualties(10), new SideCasualties(null, 4)) }));
        Assert.True(BruteForceEvaluator.Passes(new IncidentFilter(MinKilled: 13), incident));
        Assert.True(BruteForceEvaluator.Passes(new IncidentFilter(Targets: OracleRules.Set(Targets.Police, Targets.SecurityForces)), incident));
        Assert.False(BruteForceEvaluator.Passes(new IncidentFilter(Targets: OracleRules.Set(Targets.Police)), incident));
    }

    private static DateTimeOffset At(double hours) => T0.AddHours(hours);

    private static OracleResult Evaluate(Rule[] rules, params IncidentSummary[] inOrder) =>
        BruteForceEvaluator.Evaluate(OracleRules.Set(Lateness, rules), Inputs(inOrder));

    private static List<(IncidentSummary Incident, DateTimeOffset RecordedAt)> Inputs(params IncidentSummary[] inOrder) =>
        [.. inOrder.Select((incident, i) => (incident, T0.AddDays(30).AddMinutes(i)))];
}
