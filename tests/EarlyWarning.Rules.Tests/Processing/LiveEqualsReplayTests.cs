using EarlyWarning.Contracts.Warnings;
using EarlyWarning.Sources.Scenario;
using EarlyWarning.Testing;
using EarlyWarning.EventStore;

namespace EarlyWarning.Rules.Tests.Processing;

public sealed class LiveEqualsReplayTests
{
    [Fact]
    public async Task replaying_the_store_into_a_fresh_rules_instance_writes_exactly_the_warning_events_of_the_live_run()
    {
        await using var run = await RulesRun.StartAsync(rules: true);
        await run.PlayAsync(ScenarioFile.Default.Messages);
        await run.WaitForRulesAsync();

        var live = await run.WarningEventsAsync();
        Assert.True(live.Count(e => e.Type == "V1.WarningRaised") >= 10, $"the scenario raised only {live.Count(e => e.Type == "V1.WarningRaised")} warnings live");
        Assert.Contains(live, e => e.Type == "V1.WarningUpdated");
        Assert.Contains(live, e => e.Type == "V1.WarningResolved");
        // Events it does not read, here one of another service's after everything else, do not hold its position back.
        await run.Store.AppendToStreamAsync(new StreamName("other-" + Guid.NewGuid().ToString("N")), ExpectedRevision.NoStream, [new EventData(EventIds.New(), "V1.SomethingElse", "{}")]);
        var head = await run.Store.GetHeadPositionAsync();
        await Eventually.TrueAsync(() => run.Status!.Position >= head, TimeSpan.FromSeconds(30), "the rules service's position to reach the head", () => $"position {run.Status!.Position}, head {head}");
        await Replay.AssertStoreEqualsReplayAsync(run.Store, run.Registry, live);
    }

    [Fact]
    public async Task the_shipped_scenario_raises_a_coordinated_attack_warning_for_balochistan_within_the_first_hours()
    {
        await using var run = await RulesRun.StartAsync(rules: true);
        await run.PlayAsync(ScenarioFile.Default.Messages);
        await run.WaitForRulesAsync();

        var raised = (await run.WarningEventsAsync()).Where(e => e.Type == "V1.WarningRaised")
            .Select(e => ((WarningRaised)run.Registry.Deserialize(e)!).Warning)
            .ToList();
        // The attacks began at 23:50 PKT on 30 January (18:50 UTC).
        var attacksBegan = new DateTimeOffset(2026, 1, 30, 18, 50, 0, TimeSpan.Zero);
        var coordinated = Assert.Single(raised, w => w.RuleId == "coordinated-attacks" && w.FirstHeldAt >= attacksBegan && w.FirstHeldAt < attacksBegan.AddDays(2));
        Assert.Equal("Balochistan", coordinated.GroupName);
        Assert.True(coordinated.FirstHeldAt - attacksBegan < TimeSpan.FromHours(3), $"it first held at {coordinated.FirstHeldAt:u}");
        Assert.True(raised.Exists(w => w.RuleId.StartsWith("attack-trend", StringComparison.Ordinal) && w.FirstHeldAt.Year == 2025), "no trend warning from the 2025 background");
    }
}
