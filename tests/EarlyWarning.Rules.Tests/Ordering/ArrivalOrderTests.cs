using EarlyWarning.Rules.Tests.Oracle;

namespace EarlyWarning.Rules.Tests.Ordering;

/// <summary>
/// docs/rules.md: "the arrival order of reports within the allowed lateness does not change the final warnings". The
/// same events, reordered so that none falls behind the watermark and each incident's events keep their order, leave
/// the engine with the same warnings (not counting those resolved as superseded or withdrawn) as the order generated
/// and as the oracle. Episodes whose id was retired earlier in one of the orders are left out (see <see cref="OracleResult.Undetermined"/>).
/// </summary>
public sealed class ArrivalOrderTests
{
    private const int Seeds = 10;

    private const int Orders = 3;

    private static readonly TimeSpan Lateness = TimeSpan.FromHours(24);

    [Fact]
    public void reports_delivered_in_any_order_within_the_lateness_give_the_same_final_warnings()
    {
        var ruleSet = OracleTests.Mixed(Lateness);
        var compared = 0;
        for (var seed = 1; seed <= Seeds; seed++)
        {
            var generated = RandomIncidents.Generate(seed, OracleTests.Long(seed) with { BeyondLatenessRate = 0 });
            var expected = BruteForceEvaluator.Evaluate(ruleSet, generated, history: true);
            Assert.Equal(0, expected.TooLate);
            var first = EngineRun.Feed(ruleSet, generated).Warnings;

            for (var order = 1; order <= Orders; order++)
            {
                var reordered = RandomIncidents.Reordered(generated, Lateness, (seed * 100) + order);
                var oracle = BruteForceEvaluator.Evaluate(ruleSet, reordered, history: true);
                Assert.Equal(0, oracle.TooLate);
                var undetermined = expected.Undetermined.Union(oracle.Undetermined).ToHashSet(StringComparer.Ordinal);
                List<ExpectedWarning> Determined(IEnumerable<ExpectedWarning> warnings) => [.. warnings.Where(w => !undetermined.Contains(w.Id))];

                var oracleDifference = Disagreement.First(Determined(expected.Warnings), Determined(oracle.Warnings));
                Assert.True(oracleDifference is null, $"seed {seed}, order {order}: the oracle itself depends on the order: {oracleDifference}");

                // The invariant itself first (engine against engine), then both against the oracle.
                var againstFirst = Disagreement.First(Determined(first), Determined(EngineRun.Feed(ruleSet, reordered).Warnings));
                Assert.True(againstFirst is null, $"seed {seed}: the engine's warnings after order {order} differ from those after the order as generated " +
                    $"(expected: as generated, actual: order {order}): {againstFirst}");
                compared += Determined(expected.Warnings).Count;
            }

            var problem = Disagreement.OfEngine(ruleSet, generated, expected);
            Assert.True(problem is null, $"seed {seed}, order as generated: {problem}");
        }

        Assert.True(compared >= 1000, $"only {compared} warnings compared over {Seeds} seeds; the test would pass vacuously");
    }

    [Fact]
    public void a_reordering_keeps_every_event_within_the_lateness_and_each_incidents_events_in_order()
    {
        for (var seed = 1; seed <= Seeds; seed++)
        {
            var generated = RandomIncidents.Generate(seed, OracleTests.Long(seed) with { BeyondLatenessRate = 0 });
            var reordered = RandomIncidents.Reordered(generated, Lateness, seed);

            Assert.Equal(generated.Count, reordered.Count);
            Assert.NotEqual(generated.Select(e => e.Incident), reordered.Select(e => e.Incident));
            foreach (var incident in generated.GroupBy(e => e.Incident.IncidentId))
            {
                Assert.Equal(incident.Select(e => e.Incident), reordered.Where(e => e.Incident.IncidentId == incident.Key).Select(e => e.Incident));
            }

            DateTimeOffset? frontier = null;
            DateTimeOffset? recorded = null;
            foreach (var (incident, recordedAt) in reordered)
            {
                Assert.False(incident.OccurredAt < frontier - Lateness, $"seed {seed}: {incident.IncidentId} falls behind the watermark");
                Assert.True(recorded is null || recordedAt > recorded);
                frontier = frontier is null || incident.OccurredAt > frontier ? incident.OccurredAt : frontier;
                recorded = recordedAt;
            }
        }
    }
}
