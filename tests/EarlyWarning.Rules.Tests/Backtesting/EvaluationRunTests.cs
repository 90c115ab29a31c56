using System.Text.Json;
using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.Contracts.Warnings;
using EarlyWarning.Rules.Backtesting;
using EarlyWarning.Rules.Engine;
using EarlyWarning.Rules.Tests.Oracle;
using static EarlyWarning.Rules.Tests.Engine.EngineFixture;

namespace EarlyWarning.Rules.Tests.Backtesting;

/// <summary>
/// A run archives a warning once it resolved as quiet and the rest when its warnings are asked for; both read back
/// as the engine left them. Single rule by province, quiet period 12 h, allowed lateness 24 h (EngineFixture): a
/// warning resolves as quiet once an incident 36 h after its last one is recorded.
/// </summary>
public sealed class EvaluationRunTests
{
    [Fact]
    public void warnings_resolved_during_the_run_and_those_still_open_at_its_end_are_reported_in_order_of_first_holding()
    {
        var run = new EvaluationRun(Set(Single()), DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        run.Apply(Incident("i0", "quetta", 0), T0);
        run.Apply(Incident("i1", "peshawar", 1, killed: 3), T0.AddHours(2));
        run.Apply(Incident("i2", "kech", 40), T0.AddHours(40));

        var warnings = run.Warnings();

        Assert.Equal(["i0", "i1", "i2"], warnings.Select(w => w.Warning.FirstIncidentId));
        Assert.Equal([WarningResolved.ReasonQuiet, WarningResolved.ReasonQuiet, null], warnings.Select(w => w.ResolutionReason));
        Assert.Equal([WarningSnapshot.Resolved, WarningSnapshot.Resolved, WarningSnapshot.Open], warnings.Select(w => w.Warning.Status));
        Assert.Equal([2, 2, 1], warnings.Select(w => w.Versions));
        Assert.Equal(T0.AddHours(2), warnings[1].KnownAt);
        Assert.Equal(3, warnings[1].Warning.Killed);
        Assert.Equal(T0.AddHours(12), warnings[0].Warning.ResolvedAt);
        Assert.Equal(T0.AddHours(2), run.ReachedAt(warnings[1].Warning.WarningId, CapSeverity.Severe));
        Assert.Null(run.ReachedAt(warnings[1].Warning.WarningId, CapSeverity.Extreme));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void a_warning_first_holding_before_the_period_is_not_reported_whether_open_or_resolved(bool resolved)
    {
        var run = new EvaluationRun(Set(Single()), T0.AddHours(1), DateTimeOffset.MaxValue);
        run.Apply(Incident("i0", "quetta", 0), T0);
        run.Apply(Incident("i1", "peshawar", 2), T0.AddHours(2));
        if (resolved)
            run.Apply(Incident("i2", "kech", 40), T0.AddHours(40));

        Assert.Equal(resolved ? ["i1", "i2"] : ["i1"], run.Warnings().Select(w => w.Warning.FirstIncidentId));
    }

    [Fact]
    public void every_warning_reads_back_as_its_last_event_says_withdrawn_and_superseded_ones_included()
    {
        var reasons = new HashSet<string?>();
        for (var seed = 1; seed <= 4; seed++)
        {
            var lateness = TimeSpan.FromHours(12);
            var ruleSet = OracleTests.Mixed(lateness);
            var inputs = RandomIncidents.Generate(seed, OracleTests.Long(seed) with { AllowedLateness = lateness });
            var run = new EvaluationRun(ruleSet, DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
            // The same inputs to an engine of its own, whose events say how each warning last stood.
            var engine = new RuleEngine();
            var output = new List<EmittedWarningEvent>();
            engine.Activate(ruleSet, DateTimeOffset.MinValue, output);
            var last = new Dictionary<string, (WarningSnapshot Snapshot, int Version)>(StringComparer.Ordinal);
            foreach (var (incident, recordedAt) in inputs)
            {
                run.Apply(incident, recordedAt);
                engine.Apply(incident, recordedAt, output);
                foreach (var emitted in output)
                    last[emitted.WarningId] = (SnapshotOf(emitted.Event), emitted.Version);
                output.Clear();
            }

            var reported = run.Warnings();

            Assert.Equal(last.Count, reported.Count);
            foreach (var warning in reported)
            {
                var (snapshot, version) = last[warning.Warning.WarningId];
                Assert.Equal(JsonSerializer.Serialize(snapshot), JsonSerializer.Serialize(warning.Warning));
                Assert.Equal(version, warning.Versions);
                reasons.Add(warning.ResolutionReason);
            }
        }

        Assert.Superset(new HashSet<string?> { null, WarningResolved.ReasonQuiet, WarningResolved.ReasonWithdrawn, WarningResolved.ReasonSuperseded }, reasons);
    }

    [Fact]
    public void asking_for_the_warnings_ends_the_run()
    {
        var run = new EvaluationRun(Set(Single()), DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        run.Apply(Incident("i0", "quetta", 0), T0);
        var first = run.Warnings();

        Assert.Throws<InvalidOperationException>(() => run.Apply(Incident("i1", "kech", 1), T0.AddHours(1)));
        Assert.Same(first, run.Warnings());
        Assert.Equal(["i0"], run.Warnings().Select(w => w.Warning.FirstIncidentId));
    }

    private static WarningSnapshot SnapshotOf(object warningEvent) => warningEvent switch
    {
        WarningRaised raised => raised.Warning,
        WarningUpdated updated => updated.Warning,
        WarningResolved resolved => resolved.Warning,
        _ => throw new ArgumentException($"not a warning event: {warningEvent.GetType().Name}"),
    };
}
