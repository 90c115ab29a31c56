using System.Text.Json;
using EarlyWarning.Contracts.Warnings;
using EarlyWarning.Rules.Engine;
using EarlyWarning.Rules.Tests.Oracle;

namespace EarlyWarning.Rules.Tests.Engine;

public sealed class WarningDecisionTests
{
    [Fact]
    public void an_engine_asked_for_decisions_decides_what_one_asked_for_events_emits_one_for_one()
    {
        var ruleSet = OracleTests.Mixed(TimeSpan.FromHours(12));
        var (kinds, compared) = (new HashSet<WarningEventKind>(), 0);
        foreach (var seed in new[] { 3, 4 })
        {
            // Seed 4 sends reports beyond the lateness, seed 3 none; both correct and retract.
            var inputs = RandomIncidents.Generate(seed, OracleTests.Long(seed) with { AllowedLateness = TimeSpan.FromHours(12) });
            var withEvents = new RuleEngine();
            var withDecisions = new RuleEngine();
            var (events, decisions) = (new List<EmittedWarningEvent>(), new List<WarningDecision>());
            withEvents.Activate(ruleSet, inputs[0].RecordedAt.AddMinutes(-1), events);
            withDecisions.Activate(ruleSet, inputs[0].RecordedAt.AddMinutes(-1), []);
            events.Clear();
            foreach (var (incident, recordedAt) in inputs)
            {
                withEvents.Apply(incident, recordedAt, events);
                withDecisions.Apply(incident, recordedAt, decisions);
                Assert.Equal(events.Count, decisions.Count);
                foreach (var (emitted, decided) in events.Zip(decisions))
                {
                    var (snapshot, lateBy) = emitted.Event switch
                    {
                        WarningRaised r => (r.Warning, r.LateBy),
                        WarningUpdated u => (u.Warning, u.LateBy),
                        WarningResolved x => (x.Warning, (TimeSpan?)null),
                        var other => throw new InvalidOperationException($"unexpected {other.GetType().Name}"),
                    };
                    Assert.Equal(emitted.Kind, decided.Kind);
                    // Snapshots hold lists, which records compare by reference: compared as written.
                    Assert.Equal(JsonSerializer.Serialize(snapshot), JsonSerializer.Serialize(decided.State.Snapshot));
                    Assert.Equal(lateBy, decided.LateBy);
                    kinds.Add(decided.Kind);
                    compared++;
                }
                events.Clear();
                decisions.Clear();
            }
        }

        Assert.Equal(3, kinds.Count);
        Assert.True(compared > 500, $"only {compared} decisions compared");
    }
}
