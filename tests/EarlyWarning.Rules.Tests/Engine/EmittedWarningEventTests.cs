using System.Text.Json;
using EarlyWarning.Contracts.Warnings;
using EarlyWarning.Rules.Engine;
using EarlyWarning.Rules.Tests.Oracle;

namespace EarlyWarning.Rules.Tests.Engine;

/// <summary>
/// The engine emits what it decided and builds the contract record (snapshot, changes, id) when somebody reads it
/// (decision 0013). These check that the record does not depend on when it is read: an event read at once and the
/// same event read after the engine has gone on, through late reports that cut episodes back, corrections and
/// retractions, say the same.
/// </summary>
public sealed class EmittedWarningEventTests
{
    private static readonly TimeSpan Lateness = TimeSpan.FromHours(12);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void an_event_read_after_the_engine_has_gone_on_says_what_it_said_when_it_was_emitted(int seed)
    {
        var ruleSet = OracleTests.Mixed(Lateness);
        var inputs = RandomIncidents.Generate(seed, OracleTests.Long(seed) with { AllowedLateness = Lateness });

        var atOnce = new List<string>();
        var output = new List<EmittedWarningEvent>();
        var engine = new RuleEngine();
        engine.Activate(ruleSet, inputs[0].RecordedAt.AddMinutes(-1), output);
        foreach (var (incident, recordedAt) in inputs)
        {
            engine.Apply(incident, recordedAt, output);
            atOnce.AddRange(output.Select(Written));
            output.Clear();
        }

        var late = EngineRun.Feed(ruleSet, inputs).Events;
        var readLate = late.Select(Written).ToList();

        Assert.Equal(atOnce.Count, readLate.Count);
        for (var i = 0; i < atOnce.Count; i++)
            Assert.True(atOnce[i] == readLate[i], $"event {i} read at the end differs from the same event read when emitted:\n{atOnce[i]}\n{readLate[i]}");
        // The history must cut episodes back (a count going down) and reopen warnings, or the test shows nothing.
        var updates = late.Select(e => e.Event).OfType<WarningUpdated>().ToList();
        Assert.Contains(updates, u => u.Changes.Any(c => c.StartsWith("incidents ", StringComparison.Ordinal) && Shrank(c)));
        Assert.Contains(updates, u => u.Changes.Any(c => c.StartsWith("reopened after", StringComparison.Ordinal)));
    }

    [Fact]
    public void an_events_kind_and_rule_are_those_of_its_contract_record()
    {
        var ruleSet = OracleTests.Mixed(Lateness);
        var events = EngineRun.Feed(ruleSet, RandomIncidents.Generate(4, OracleTests.Long(4) with { AllowedLateness = Lateness })).Events;

        Assert.Contains(events, e => e.Kind == WarningEventKind.Resolved);
        foreach (var emitted in events)
        {
            var (kind, snapshot) = emitted.Event switch
            {
                WarningRaised r => (WarningEventKind.Raised, r.Warning),
                WarningUpdated u => (WarningEventKind.Updated, u.Warning),
                WarningResolved x => (WarningEventKind.Resolved, x.Warning),
                var other => throw new InvalidOperationException($"unexpected {other.GetType().Name}"),
            };
            Assert.Equal(kind, emitted.Kind);
            Assert.Equal(snapshot.RuleId, emitted.RuleId);
            Assert.Equal(snapshot.WarningId, emitted.WarningId);
        }
    }

    private static string Written(EmittedWarningEvent emitted) =>
        $"{emitted.WarningId} v{emitted.Version} {emitted.Kind} {JsonSerializer.Serialize(emitted.Event, emitted.Event.GetType())}";

    // "incidents 5 → 3"
    private static bool Shrank(string change)
    {
        var parts = change["incidents ".Length..].Split(" → ");
        return parts.Length == 2 && int.TryParse(parts[0], out var before) && int.TryParse(parts[1], out var after) && after < before;
    }
}
