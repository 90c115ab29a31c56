using EarlyWarning.Contracts.Rules;
using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.Contracts.Warnings;
using EarlyWarning.Rules.Engine;
using EarlyWarning.Rules.Model;
using static EarlyWarning.Rules.Tests.Engine.EngineFixture;

namespace EarlyWarning.Rules.Tests.Engine;

public sealed class RuleEngineTests
{
    private static readonly string[] Balochistan = ["quetta", "kech", "gwadar", "panjgur", "mastung", "kalat", "nushki"];

    private static EngineFixture FourAttacks(params Rule[] rules)
    {
        var f = new EngineFixture();
        f.Activate(Set(rules.Length == 0 ? [Spread()] : rules));
        for (var i = 0; i < 4; i++)
            f.Apply(Incident($"i{i}", Balochistan[i], i), i);
        return f;
    }

    [Fact]
    public void a_spread_warning_is_raised_by_the_incident_at_which_the_pattern_first_holds()
    {
        var f = new EngineFixture();
        f.Activate(Set(Spread()));
        for (var i = 0; i < 3; i++)
            f.Apply(Incident($"i{i}", Balochistan[i], i), i);
        Assert.Empty(f.Events);

        f.Apply(Incident("i3", Balochistan[3], 3), 3);

        var raised = Assert.IsType<WarningRaised>(Assert.Single(f.Events).Event);
        Assert.Equal(WarningIds.For("coordinated", "balochistan", "i3", T0.AddHours(3)), raised.Warning.WarningId);
        Assert.Equal(T0.AddHours(3), raised.Warning.FirstHeldAt);
        Assert.Equal(["i0", "i1", "i2", "i3"], raised.Warning.Incidents.Select(i => i.IncidentId));
        Assert.Equal(4, raised.Warning.DistrictIds.Count);
        Assert.Equal("Balochistan", raised.Warning.GroupName);
        Assert.Equal(1, raised.Version);
        Assert.Null(raised.LateBy);
        Assert.Equal(f.Now, raised.KnownAt);
    }

    [Fact]
    public void further_matches_update_the_open_warning_instead_of_raising_another_and_severity_rises_by_its_steps()
    {
        var f = FourAttacks(Spread(steps: new SeverityStep(Measure.Distinct, 5, CapSeverity.Extreme)));
        f.Apply(Incident("i4", Balochistan[4], 4), 4);

        var updated = Assert.IsType<WarningUpdated>(f.Events[^1].Event);
        Assert.Equal(2, updated.Version);
        Assert.Equal(WarningIds.For("coordinated", "balochistan", "i3", T0.AddHours(3)), updated.Warning.WarningId);
        Assert.Equal(CapSeverity.Extreme, updated.Warning.Severity);
        Assert.Contains("severity Severe → Extreme", updated.Changes);
        Assert.Contains("incidents 4 → 5", updated.Changes);
        Assert.Contains("districts 4 → 5", updated.Changes);
        Assert.Single(f.Of<WarningRaised>());
    }

    [Fact]
    public void an_open_warning_resolves_once_the_watermark_passes_its_quiet_period_and_a_new_episode_is_a_new_warning()
    {
        var f = FourAttacks();
        // Quiet period 12 h after the last firing point (3 h), allowed lateness 24 h: resolved when event time passes 39 h.
        f.Apply(Incident("far", "peshawar", 39), 39);
        Assert.Empty(f.Of<WarningResolved>());
        f.Apply(Incident("later", "peshawar", 39.5), 39.5);

        var resolved = Assert.Single(f.Of<WarningResolved>());
        Assert.Equal(WarningResolved.ReasonQuiet, resolved.Reason);
        Assert.Equal(T0.AddHours(15), resolved.Warning.ResolvedAt);
        Assert.Equal(WarningSnapshot.Resolved, resolved.Warning.Status);

        for (var i = 0; i < 4; i++)
            f.Apply(Incident($"j{i}", Balochistan[i], 40 + i), 40 + i);
        Assert.Equal(2, f.Of<WarningRaised>().Count);
    }

    [Fact]
    public void a_late_report_that_completes_a_pattern_raises_it_and_the_warning_says_how_late()
    {
        var f = new EngineFixture();
        f.Activate(Set(Spread()));
        f.Apply(Incident("i0", "quetta", 0), 0);
        f.Apply(Incident("i1", "kech", 1), 1);
        f.Apply(Incident("i3", "panjgur", 3), 3);
        f.Apply(Incident("i2", "gwadar", 2), 3.5);

        var raised = Assert.Single(f.Of<WarningRaised>());
        Assert.Equal(TimeSpan.FromHours(1), raised.LateBy);
        Assert.Equal("i3", raised.Warning.FirstIncidentId);
    }

    [Fact]
    public void a_late_report_that_moves_the_start_of_a_pattern_back_supersedes_the_open_warning()
    {
        var f = FourAttacks();
        var first = WarningIds.For("coordinated", "balochistan", "i3", T0.AddHours(3));
        f.Apply(Incident("early", "mastung", 2.5), 4);

        var resolved = Assert.Single(f.Of<WarningResolved>());
        var successor = WarningIds.For("coordinated", "balochistan", "early", T0.AddHours(2.5));
        Assert.Equal(first, resolved.Warning.WarningId);
        Assert.Equal(WarningResolved.ReasonSuperseded, resolved.Reason);
        Assert.Equal(successor, resolved.SupersededBy);
        var raised = f.Of<WarningRaised>()[^1];
        Assert.Equal(successor, raised.Warning.WarningId);
        Assert.Equal(5, raised.Warning.IncidentCount);
    }

    [Fact]
    public void a_retraction_that_takes_the_pattern_away_withdraws_the_warning()
    {
        var f = FourAttacks();
        f.Apply(Incident("i2", Balochistan[2], 2, withdrawn: true), 5);

        var resolved = Assert.Single(f.Of<WarningResolved>());
        Assert.Equal(WarningResolved.ReasonWithdrawn, resolved.Reason);
        Assert.Null(resolved.SupersededBy);
        Assert.DoesNotContain(f.Engine.Warnings, w => w.ResolutionReason is null);
    }

    [Fact]
    public void a_casualty_correction_updates_the_open_warning()
    {
        var f = FourAttacks();
        f.Apply(Incident("i0", Balochistan[0], 0, killed: 12), 5);

        var updated = Assert.IsType<WarningUpdated>(f.Events[^1].Event);
        Assert.Contains("killed 4 → 15", updated.Changes);
        Assert.Equal(15, updated.Warning.Killed);
    }

    [Fact]
    public void the_engine_forgets_an_incident_once_no_rule_can_need_it_and_still_corrects_one_it_holds()
    {
        var engine = new RuleEngine { PruneEvery = 10 };
        var events = new List<EmittedWarningEvent>();
        engine.Activate(Set(Single(), Threshold()), T0, events);
        // One attack every 13 hours: each is its own episode of the single rule (quiet period 12 hours), so nothing
        // stays open long and pins what went before.
        const int Count = 500;
        for (var i = 0; i < Count; i++)
            engine.Apply(Incident($"i{i}", i % 2 == 0 ? "quetta" : "kech", 13 * i), T0.AddHours(13 * i), events);

        // Kept: the 24 hours of allowed lateness, a 24-hour window behind them, and up to ten incidents since the
        // last pruning; not all 500.
        Assert.InRange(engine.IncidentsHeld, 1, 20);
        var withdrawn = Incident($"i{Count - 1}", "kech", 13 * (Count - 1), withdrawn: true);
        engine.Apply(withdrawn, T0.AddHours(13 * Count), events);
        var resolved = Assert.IsType<WarningResolved>(events[^1].Event);
        Assert.Equal(WarningResolved.ReasonWithdrawn, resolved.Reason);
        Assert.Equal($"i{Count - 1}", resolved.Warning.FirstIncidentId);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1024)]
    public void an_incident_moved_out_of_the_past_counts_once_from_the_watermark_on_and_the_past_stands(int pruneEvery)
    {
        // A short window lets the Quetta attacks go soon; the long one holds them in its open warning.
        var shortWindow = Make("short", new RulePattern.Threshold(TimeSpan.FromHours(1), 5), GroupBy.District, null, []);
        var longWindow = Make("long", new RulePattern.Threshold(TimeSpan.FromHours(72), 3), GroupBy.District, null, []);
        var f = new EngineFixture(pruneEvery);
        f.Activate(Set(shortWindow, longWindow));
        foreach (var (id, hour) in new[] { ("a", 0.0), ("b", 1), ("c", 2) })
            f.Apply(Incident(id, "quetta", hour), hour);
        var raised = Assert.IsType<WarningRaised>(Assert.Single(f.Events).Event);
        // Elsewhere, a day later: the watermark (24 hours behind) moves past the Quetta attacks, and when pruning
        // every incident, the short rule lets them go (every 16th pruning visits every group).
        for (var i = 0; i < 20; i++)
            f.Apply(Incident($"k{i}", "kech", 30 + (0.05 * i)), 30 + (0.05 * i));
        f.Events.Clear();

        // "a" happened later than first reported: a correction moves it from before the watermark to 29:00.
        f.Apply(Incident("a", "quetta", 29), 31.5);

        // Before the watermark nothing changes: no point there is evaluated again, and the open warning keeps "a"
        // where it was. From the watermark on, "a" is at 29:00 only: the window there holds b, c and a once.
        var moved = Assert.IsType<WarningRaised>(Assert.Single(f.Events).Event);
        Assert.Equal("a", moved.Warning.FirstIncidentId);
        Assert.Equal(T0.AddHours(29), moved.Warning.FirstHeldAt);
        Assert.Equal([("b", 1.0), ("c", 2), ("a", 29)], moved.Warning.Incidents.Select(i => (i.IncidentId, (i.OccurredAt - T0).TotalHours)));
        Assert.NotEqual(raised.Warning.WarningId, moved.Warning.WarningId);
        var before = Assert.Single(f.Engine.Warnings, w => w.Snapshot.WarningId == raised.Warning.WarningId);
        Assert.Null(before.ResolutionReason);
        Assert.Equal(raised.Warning.Incidents, before.Snapshot.Incidents);
    }

    [Fact]
    public void an_attack_dated_to_the_day_and_then_to_the_hour_counts_once_in_the_windows_after_the_watermark()
    {
        var f = new EngineFixture();
        f.Activate(Set(Threshold()));
        // Reported as "on the 30th", so placed at midnight; a second attack in Quetta at 20:00.
        f.Apply(Incident("x", "quetta", 0), 21);
        f.Apply(Incident("y", "quetta", 20), 21);
        // Elsewhere at 00:30 the next day: the watermark (24 hours behind) passes midnight.
        f.Apply(Incident("z", "kech", 24.5), 24.5);

        // A precise report puts the attack at 23:00.
        f.Apply(Incident("x", "quetta", 23), 25);

        // Two attacks in Quetta within 24 hours, not three: no district cluster.
        Assert.Empty(f.Of<WarningRaised>());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1024)]
    public void an_incident_moved_out_of_the_past_that_fires_again_raises_a_warning_of_its_own(int pruneEvery)
    {
        var f = new EngineFixture(pruneEvery);
        f.Activate(Set(Single()));
        f.Apply(Incident("s", "quetta", 0), 0);
        var first = Assert.IsType<WarningRaised>(Assert.Single(f.Events).Event);
        // Elsewhere, two days later: the watermark passes the first warning's quiet period, which resolves it, and
        // the engine forgets it.
        for (var i = 0; i < 20; i++)
            f.Apply(Incident($"p{i}", "peshawar", 48 + (0.05 * i)), 48 + (0.05 * i));
        Assert.Contains(f.Events, e => e.Event is WarningResolved { Reason: WarningResolved.ReasonQuiet } r && r.Warning.WarningId == first.Warning.WarningId);
        f.Events.Clear();

        // A more reliable report puts the attack at 47:00: it fires there, as the same incident at another time. Its
        // warning has an id of its own; with the first warning's, the store would take it for a retried append of
        // that warning's events and keep none of them.
        f.Apply(Incident("s", "quetta", 47), 49.5);

        var again = Assert.IsType<WarningRaised>(Assert.Single(f.Events).Event);
        Assert.Equal("s", again.Warning.FirstIncidentId);
        Assert.Equal(T0.AddHours(47), again.Warning.FirstHeldAt);
        Assert.NotEqual(first.Warning.WarningId, again.Warning.WarningId);
    }

    [Fact]
    public void incidents_held_before_a_new_rule_set_are_still_corrected_after_it()
    {
        var f = FourAttacks();
        // The same spread rule and one more: the spread rule keeps its state, and the incidents their entries.
        f.Activate(Set(Spread(), Single()));
        f.Events.Clear();

        f.Apply(Incident("i0", Balochistan[0], 0, withdrawn: true), 5);
        f.Apply(Incident("i1", Balochistan[1], 1, withdrawn: true), 5);

        var resolved = Assert.IsType<WarningResolved>(f.Events.Select(e => e.Event).Single(e => e is WarningResolved));
        Assert.Equal(WarningResolved.ReasonWithdrawn, resolved.Reason);
        Assert.Equal("coordinated", resolved.Warning.RuleId);
    }

    [Fact]
    public void a_rule_keeps_its_empty_groups_up_to_a_bound_and_lets_the_rest_go()
    {
        var engine = new RuleEngine { PruneEvery = 10 };
        var events = new List<EmittedWarningEvent>();
        engine.Activate(Set(Threshold()), T0, events);
        // Districts the gazetteer does not know, each seen once, a day apart: every group empties once the
        // watermark and the window have passed it.
        var extra = RuleRuntime.KeptGroups + 500;
        for (var i = 0; i < extra; i++)
        {
            var incident = Incident($"i{i}", "quetta", 24 * i);
            engine.Apply(incident with { Location = incident.Location with { DistrictId = $"district-{i}" } }, T0.AddHours(24 * i), events);
        }

        // Those kept, and at most the groups that emptied since the last pruning of every group (every 16th, so
        // every 160 incidents here); not all 1,524.
        Assert.InRange(engine.GroupsHeld, RuleRuntime.KeptGroups, RuleRuntime.KeptGroups + 170);

        // A district seen again finds its group kept, empty, and counts afresh.
        foreach (var hour in new[] { 0.0, 1, 2 })
            engine.Apply(Incident($"again-{hour}", "kech", (24 * extra) + hour), T0.AddHours((24 * extra) + hour), events);
        Assert.Equal(3, Assert.IsType<WarningRaised>(events[^1].Event).Warning.IncidentCount);
    }

    [Fact]
    public void the_engine_forgets_a_warning_resolved_as_quiet_and_holds_one_that_can_still_come_back()
    {
        var engine = new RuleEngine();
        var events = new List<EmittedWarningEvent>();
        engine.Activate(Set(Single()), T0, events);
        // One attack every 13 hours in one province: each raises its own warning of the single rule, which resolves
        // as quiet 12 hours after it once the watermark (24 hours of allowed lateness behind) has passed that.
        const int Count = 300;
        for (var i = 0; i < Count; i++)
            engine.Apply(Incident($"i{i}", "quetta", 13 * i), T0.AddHours(13 * i), events);

        var quiet = events.Where(e => e.Event is WarningResolved { Reason: WarningResolved.ReasonQuiet }).Select(e => e.WarningId).ToHashSet();
        Assert.Equal(Count, events.Count(e => e.Kind == WarningEventKind.Raised));
        Assert.InRange(quiet.Count, Count - 5, Count - 1);
        // Only the warnings still open are held, not the history of every warning ever raised.
        Assert.Equal(Count - quiet.Count, engine.WarningsHeld);
        Assert.All(engine.Warnings, w => Assert.Null(w.ResolutionReason));
        Assert.DoesNotContain(engine.Warnings, w => quiet.Contains(w.Snapshot.WarningId));

        // A withdrawn warning is held: a correction within the allowed lateness may bring its episode back.
        var last = Incident($"i{Count - 1}", "quetta", 13 * (Count - 1));
        engine.Apply(last with { Withdrawn = true }, T0.AddHours(13 * (Count - 1) + 1), events);
        Assert.Equal(WarningResolved.ReasonWithdrawn, Assert.IsType<WarningResolved>(events[^1].Event).Reason);
        Assert.Contains(engine.Warnings, w => w.ResolutionReason == WarningResolved.ReasonWithdrawn);
        engine.Apply(last, T0.AddHours(13 * (Count - 1) + 2), events);
        var reopened = Assert.IsType<WarningUpdated>(events[^1].Event);
        Assert.Equal($"i{Count - 1}", reopened.Warning.FirstIncidentId);
        Assert.Contains("reopened after withdrawn", reopened.Changes);
    }

    [Fact]
    public void a_report_older_than_the_allowed_lateness_changes_nothing_and_is_counted()
    {
        var f = new EngineFixture();
        f.Activate(Set(Single()));
        f.Apply(Incident("now", "quetta", 30), 30);
        var before = f.Events.Count;

        f.Apply(Incident("old", "kech", 5), 31);

        Assert.Equal(before, f.Events.Count);
        Assert.Equal(1, f.Engine.TooLate);
        Assert.Equal(T0.AddHours(6), f.Engine.Watermark);
    }

    [Fact]
    public void a_silence_mutes_matching_warnings_until_it_ends_and_they_are_updated_when_it_lifts()
    {
        var f = new EngineFixture();
        f.Activate(Set(Spread()));
        f.Apply(new SilenceAdded("s1", "coordinated", "balochistan", null, T0.AddHours(10), "exercise in progress", "operator"), 0);
        for (var i = 0; i < 4; i++)
            f.Apply(Incident($"i{i}", Balochistan[i], i), i);

        var raised = Assert.Single(f.Of<WarningRaised>());
        Assert.Equal(new WarningSuppression(WarningSuppression.Silenced, "s1", "exercise in progress"), raised.Warning.Suppression);

        f.Apply(Incident("elsewhere", "peshawar", 4), 11);
        var lifted = Assert.IsType<WarningUpdated>(f.Events.Single(e => e.Event is WarningUpdated { Changes: var c } && c.Contains("no longer silenced")).Event);
        Assert.Null(lifted.Warning.Suppression);
    }

    [Fact]
    public void a_silence_for_another_province_or_rule_does_not_mute_and_removing_a_silence_lifts_it()
    {
        var f = new EngineFixture();
        f.Activate(Set(Spread()));
        f.Apply(new SilenceAdded("other-province", null, "khyber-pakhtunkhwa", null, T0.AddDays(2), "r", "op"), 0);
        f.Apply(new SilenceAdded("other-rule", "suicide", null, null, T0.AddDays(2), "r", "op"), 0);
        f.Apply(new SilenceAdded("mine", null, "balochistan", null, T0.AddDays(2), "r", "op"), 0);
        for (var i = 0; i < 4; i++)
            f.Apply(Incident($"i{i}", Balochistan[i], i), i);
        Assert.Equal("mine", f.Warning("coordinated").Snapshot.Suppression?.By);

        f.Apply(new SilenceRemoved("mine", "op"), 5);

        Assert.Null(f.Warning("coordinated").Snapshot.Suppression);
    }

    [Fact]
    public void an_open_province_wide_warning_inhibits_the_district_warnings_of_that_province_only()
    {
        var f = new EngineFixture();
        f.Activate(Set(Spread(inhibits: ["district-cluster"]), Threshold()));
        for (var i = 0; i < 3; i++)
            f.Apply(Incident($"p{i}", "peshawar", i * 0.5), i * 0.5);
        f.Apply(Incident("q0", "quetta", 0.1), 1.1);
        f.Apply(Incident("q1", "quetta", 0.2), 1.2);
        var quettaCluster = WarningIds.For("district-cluster", "quetta", "q2", T0.AddHours(1.3));
        f.Apply(Incident("q2", "quetta", 1.3), 1.3);
        Assert.Null(f.Engine.Warnings.Single(w => w.Snapshot.WarningId == quettaCluster).Snapshot.Suppression);

        f.Apply(Incident("k0", "kech", 2), 2);
        f.Apply(Incident("g0", "gwadar", 2.5), 2.5);

        var coordinated = f.Warning("coordinated");
        var cluster = f.Engine.Warnings.Single(w => w.Snapshot.WarningId == quettaCluster);
        Assert.Equal(new WarningSuppression(WarningSuppression.Inhibited, coordinated.Snapshot.WarningId, "coordinated — Balochistan"), cluster.Snapshot.Suppression);
        var peshawar = f.Engine.Warnings.Single(w => w.Snapshot.RuleId == "district-cluster" && w.Snapshot.GroupKey == "peshawar");
        Assert.Null(peshawar.Snapshot.Suppression);
    }

    [Fact]
    public void a_warning_inhibited_by_two_open_warnings_names_the_one_whose_pattern_began_first()
    {
        var f = new EngineFixture();
        f.Activate(Set(Spread(inhibits: ["district-cluster"]), Threshold()));
        // Two coordinated episodes in Balochistan 16 hours apart, more than the quiet period of 12 hours: two
        // warnings, both still open, since the watermark (24 hours behind) has not passed the first one's quiet period.
        for (var i = 0; i < 4; i++)
            f.Apply(Incident($"a{i}", Balochistan[i], i), i);
        for (var i = 0; i < 4; i++)
            f.Apply(Incident($"b{i}", Balochistan[i], 16 + i), 16 + i);
        var coordinated = f.Engine.Warnings.Where(w => w.Snapshot.RuleId == "coordinated").OrderBy(w => w.Snapshot.FirstHeldAt).ToList();
        Assert.Equal(2, coordinated.Count);
        Assert.All(coordinated, w => Assert.Null(w.ResolutionReason));

        // A third attack in Quetta within a day: a district cluster, which both inhibit.
        f.Apply(Incident("q", "quetta", 19.5), 19.5);

        var cluster = f.Warning("district-cluster");
        Assert.Equal(WarningSuppression.Inhibited, cluster.Snapshot.Suppression!.Kind);
        Assert.Equal(coordinated[0].Snapshot.WarningId, cluster.Snapshot.Suppression.By);
    }

    [Fact]
    public void activating_a_set_keeps_unchanged_rules_and_resolves_the_warnings_of_changed_ones()
    {
        var f = FourAttacks(Spread(), Single("any"));
        var before = f.Events.Count;
        f.Activate(Set(Spread(), Single("any")));
        Assert.Equal(before, f.Events.Count);

        f.Activate(Set(Spread() with { Fingerprint = "coordinated-v2" }, Single("any")));

        var resolved = Assert.Single(f.Of<WarningResolved>());
        Assert.Equal(WarningResolved.ReasonRuleChanged, resolved.Reason);
        Assert.Equal("coordinated", resolved.Warning.RuleId);
        Assert.NotNull(f.Warning("any"));
    }

    [Fact]
    public void a_single_rule_fires_only_on_incidents_that_pass_its_filter()
    {
        var f = new EngineFixture();
        f.Activate(Set(Single(where: new IncidentFilter(IncidentTypes: new HashSet<string> { IncidentTypes.SuicideAttack }))));
        f.Apply(Incident("a", "quetta", 0), 0);
        Assert.Empty(f.Events);
        f.Apply(Incident("b", "quetta", 1, IncidentTypes.SuicideAttack), 1);
        Assert.Equal("b", Assert.Single(f.Of<WarningRaised>()).Warning.FirstIncidentId);
    }

    [Fact]
    public void versions_of_a_warning_follow_each_other_from_one()
    {
        var f = FourAttacks();
        f.Apply(Incident("i4", Balochistan[4], 4), 4);
        f.Apply(Incident("i0", Balochistan[0], 0, killed: 7), 5);
        f.Apply(Incident("far", "peshawar", 60), 60);

        foreach (var warning in f.Events.GroupBy(e => e.WarningId))
            Assert.Equal(Enumerable.Range(1, warning.Count()), warning.Select(e => e.Version));
        Assert.IsType<WarningResolved>(f.Events.Last(e => e.WarningId == WarningIds.For("coordinated", "balochistan", "i3", T0.AddHours(3))).Event);
    }
}
