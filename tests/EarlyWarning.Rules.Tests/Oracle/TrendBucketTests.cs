using EarlyWarning.Contracts.Incidents;
using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.Contracts.Warnings;
using EarlyWarning.Rules.Model;

namespace EarlyWarning.Rules.Tests.Oracle;

/// <summary>
/// The random trend cases the engine and the oracle disagreed on, minimised and written out by hand. All three follow from
/// docs/rules.md, "Trend": "Every entry of one bucket sees the same counts, so the entries of a bucket fire together, with
/// the same measure" — an incident that raises a bucket's count changes what the bucket's earlier entries are.
/// Inputs arrive in occurred order, each as it happens.
/// </summary>
public sealed class TrendBucketTests
{
    private static readonly DateTimeOffset March1 = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Rule Ratio = OracleRules.Rule(
        "surge",
        new RulePattern.Trend(TimeSpan.FromDays(1), TimeSpan.FromDays(7), TimeSpan.FromDays(1), Ratio: 2.0, ZScore: null, MinIncidents: 3, MinBaseline: 2));

    [Fact]
    public void the_earlier_entries_of_a_bucket_fire_when_a_later_entry_raises_its_count()
    {
        // March 5 reaches 3 incidents only at 20:00, but then all three see current 3 against base 2 (ratio 10.5), so 01:00
        // and 02:00 are firing points too: one episode of them, and 20:00, 18h later, another.
        var ruleSet = OracleRules.Set(TimeSpan.FromHours(24), Ratio);
        var inputs = InOrder(
            ("b1", At(2, 10)), ("b2", At(3, 10)),
            ("x1", At(5, 1)), ("x2", At(5, 2)), ("x3", At(5, 20)));

        var expected = BruteForceEvaluator.Evaluate(ruleSet, inputs);
        Assert.Equal([["x1", "x2"], ["x3"]], expected.Warnings.OrderBy(w => w.FirstHeldAt).Select(w => w.IncidentIds));
        EngineAgrees(ruleSet, inputs);
    }

    [Fact]
    public void the_earlier_firing_points_of_a_bucket_take_the_measure_a_later_entry_gives_it()
    {
        // z-score: the baseline days hold [0,0,0,0,0,0,2], so μ = 2/7 and σ = √24/7. March 5 holds 3 in the end:
        // z = (3 − 2/7)/σ = 19/√24 ≈ 3.878 at 01:00 and 02:00 as well as at 20:00 (with 02:00 the latest it was
        // 12/√24 ≈ 2.449), which reaches the step at 3 in both episodes.
        var rule = OracleRules.Rule(
            "surge-z",
            new RulePattern.Trend(TimeSpan.FromDays(1), TimeSpan.FromDays(7), TimeSpan.FromDays(1), Ratio: null, ZScore: 1.5, MinIncidents: 2, MinBaseline: 1),
            steps: [new SeverityStep(Measure.ZScore, 3, CapSeverity.Severe)]);
        var ruleSet = OracleRules.Set(TimeSpan.FromHours(24), rule);
        var inputs = InOrder(
            ("b1", At(4, 10)), ("b2", At(4, 11)),
            ("x1", At(5, 1)), ("x2", At(5, 2)), ("x3", At(5, 20)));

        var expected = BruteForceEvaluator.Evaluate(ruleSet, inputs);
        Assert.All(expected.Warnings, w =>
        {
            Assert.Equal(19 / Math.Sqrt(24), w.Measure, 9);
            Assert.Equal(CapSeverity.Severe, w.Severity);
        });
        EngineAgrees(ruleSet, inputs);
    }

    [Fact]
    public void an_input_that_extends_an_episode_with_an_earlier_entry_of_its_bucket_does_not_resolve_it_as_quiet()
    {
        // Lateness 12h. March 6 fires at 05:00, 12:00 and 18:00. March 7 reaches 3 at 20:00, so its 05:00 and 11:00 fire too;
        // 05:00 is 11h after 18:00: one episode, open. The same input moves the watermark to 08:00 on March 7, past
        // 18:00 + 12h, but after the input there is no episode that ended at 18:00 to resolve.
        var ruleSet = OracleRules.Set(TimeSpan.FromHours(12), Ratio);
        var inputs = InOrder(
            ("b1", At(5, 10)), ("b2", At(5, 12)),
            ("p1", At(6, 5)), ("p2", At(6, 12)), ("p3", At(6, 18)),
            ("q1", At(7, 5)), ("q2", At(7, 11)), ("q3", At(7, 20)));

        var expected = BruteForceEvaluator.Evaluate(ruleSet, inputs);
        var warning = Assert.Single(expected.Warnings);
        Assert.Equal(WarningSnapshot.Open, warning.Status);
        Assert.Equal(["p1", "p2", "p3", "q1", "q2", "q3"], warning.IncidentIds);
        EngineAgrees(ruleSet, inputs);
    }

    [Fact]
    public void an_incident_a_tick_before_midnight_counts_in_its_own_day()
    {
        // Days are whole buckets of ticks since the Unix epoch: 23:59:59.9999999 on March 5 is March 5, which then
        // holds 3 against a base of 2 (two episodes, 22h apart). Ticks since 1970 pass 2^53 in 2000, past what a
        // double holds exactly: a day reckoned through one put x3 in March 6, and nothing fired.
        var ruleSet = OracleRules.Set(TimeSpan.FromHours(24), Ratio);
        var inputs = InOrder(
            ("b1", At(2, 10)), ("b2", At(3, 10)),
            ("x1", At(5, 1)), ("x2", At(5, 2)), ("x3", At(6, 0).AddTicks(-1)));

        var expected = BruteForceEvaluator.Evaluate(ruleSet, inputs);
        Assert.Equal([["x1", "x2"], ["x3"]], expected.Warnings.OrderBy(w => w.FirstHeldAt).Select(w => w.IncidentIds));
        EngineAgrees(ruleSet, inputs);
    }

    private static void EngineAgrees(RuleSet ruleSet, List<(IncidentSummary Incident, DateTimeOffset RecordedAt)> inputs)
    {
        var problem = Disagreement.OfEngine(ruleSet, inputs);
        Assert.True(problem is null, problem);
    }

    private static DateTimeOffset At(int day, double hours) => March1.AddDays(day - 1).AddHours(hours);

    private static List<(IncidentSummary Incident, DateTimeOffset RecordedAt)> InOrder(params (string Id, DateTimeOffset OccurredAt)[] incidents) =>
        [.. incidents.Select(i => (RandomIncidents.Incident(i.Id, i.OccurredAt, "quetta"), i.OccurredAt.AddMinutes(5)))];
}
