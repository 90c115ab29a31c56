using System.Text.Json;
using EarlyWarning.Contracts.Incidents;
using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.Contracts.Warnings;
using EarlyWarning.Rules.Backtesting;
using EarlyWarning.Rules.Engine;
using EarlyWarning.Rules.Model;
using static EarlyWarning.Rules.Tests.Engine.EngineFixture;

namespace EarlyWarning.Rules.Tests.Backtesting;

/// <summary>
/// The comparison with hindsight on hand-made histories, each incident with the hour (after T0) the store recorded it.
/// Spread: ≥ 4 incidents in ≥ 3 districts of one province within 6 h; allowed lateness 24 h (EngineFixture).
/// </summary>
public sealed class HindsightComparisonTests
{
    private static readonly DateTimeOffset Everything = DateTimeOffset.MaxValue;

    private static (IncidentSummary, DateTimeOffset) Recorded(IncidentSummary incident, double hoursAfterT0) => (incident, T0.AddHours(hoursAfterT0));

    private static HindsightResult Compare(Rule rule, params (IncidentSummary, DateTimeOffset)[] history) =>
        HindsightComparison.Compare(Set(rule), DateTimeOffset.MinValue, Everything, history);

    [Fact]
    public void a_late_report_that_completes_a_pattern_makes_it_known_hours_after_hindsight_would_have_had_it()
    {
        // The fourth attack happened at 03:00 but was recorded at 09:00: with hindsight the pattern held at 03:00.
        var result = Compare(Spread(),
            Recorded(Incident("i0", "quetta", 0), 0),
            Recorded(Incident("i1", "kech", 1), 1),
            Recorded(Incident("i2", "gwadar", 2), 2),
            Recorded(Incident("i3", "panjgur", 3), 9));

        var w = Assert.Single(result.Warnings);
        Assert.Equal(HindsightOutcome.Known, w.Outcome);
        Assert.Equal(HindsightOutcome.ById, w.MatchedBy);
        Assert.Equal(WarningIds.For("coordinated", "balochistan", "i3", T0.AddHours(3)), w.Hindsight!.Warning.WarningId);
        Assert.Equal(T0.AddHours(3), w.FiredAt);
        Assert.Equal(T0.AddHours(9), w.KnownAt);
        Assert.Equal(TimeSpan.FromHours(6), w.Delay);
        Assert.Empty(w.AlsoKnownAs);
    }

    [Fact]
    public void a_late_report_that_moves_the_start_back_is_known_from_when_the_superseded_warning_was_raised()
    {
        // As known: the pattern held at i3 (03:00, recorded then); at 08:00 a report of 02:30 moves its start back and
        // the warning of i3 is superseded by the warning of "early". With hindsight there is only the warning of "early",
        // firing at 02:30; the pattern was known from 03:00, half an hour later, under the superseded id.
        var result = Compare(Spread(),
            Recorded(Incident("i0", "quetta", 0), 0),
            Recorded(Incident("i1", "kech", 1), 1),
            Recorded(Incident("i2", "gwadar", 2), 2),
            Recorded(Incident("i3", "panjgur", 3), 3),
            Recorded(Incident("early", "mastung", 2.5), 8));

        var w = Assert.Single(result.Warnings);
        Assert.Equal(HindsightOutcome.Known, w.Outcome);
        Assert.Equal(HindsightOutcome.ById, w.MatchedBy);
        Assert.Equal(WarningIds.For("coordinated", "balochistan", "early", T0.AddHours(2.5)), w.Hindsight!.Warning.WarningId);
        Assert.Equal(WarningIds.For("coordinated", "balochistan", "early", T0.AddHours(2.5)), w.AsKnown!.Warning.WarningId);
        Assert.Equal([WarningIds.For("coordinated", "balochistan", "i3", T0.AddHours(3))], w.AlsoKnownAs);
        Assert.Equal(T0.AddHours(2.5), w.FiredAt);
        Assert.Equal(T0.AddHours(3), w.KnownAt);
        Assert.Equal(TimeSpan.FromMinutes(30), w.Delay);
        Assert.Equal(2, result.AsKnown.Warnings.Count);
        Assert.Single(result.Hindsight.Warnings);
    }

    [Fact]
    public void a_report_too_late_to_be_evaluated_leaves_the_earlier_start_to_a_match_by_rule_group_and_time()
    {
        // As in the superseded case, but "early" is recorded after event time has reached 40:00, beyond the allowed
        // lateness of 24 h: as known it is never evaluated and the warning of i3 stands. With hindsight the warning is
        // the one of "early", a different id; the two are the same pattern, matched by rule, group and overlapping time.
        var result = Compare(Spread(),
            Recorded(Incident("i0", "quetta", 0), 0),
            Recorded(Incident("i1", "kech", 1), 1),
            Recorded(Incident("i2", "gwadar", 2), 2),
            Recorded(Incident("i3", "panjgur", 3), 3),
            Recorded(Incident("far", "peshawar", 40), 40),
            Recorded(Incident("early", "mastung", 2.5), 41));

        Assert.Equal(1, result.AsKnown.TooLate);
        var w = Assert.Single(result.Warnings);
        Assert.Equal(HindsightOutcome.Known, w.Outcome);
        Assert.Equal(HindsightOutcome.ByRuleGroupWindow, w.MatchedBy);
        Assert.Equal(WarningIds.For("coordinated", "balochistan", "early", T0.AddHours(2.5)), w.Hindsight!.Warning.WarningId);
        Assert.Equal(WarningIds.For("coordinated", "balochistan", "i3", T0.AddHours(3)), w.AsKnown!.Warning.WarningId);
        Assert.Equal(T0.AddHours(2.5), w.FiredAt);
        Assert.Equal(T0.AddHours(3), w.KnownAt);
        Assert.Equal(TimeSpan.FromMinutes(30), w.Delay);
    }

    [Fact]
    public void a_pattern_completed_only_by_a_report_too_late_to_be_evaluated_is_missed_as_known()
    {
        var result = Compare(Spread(),
            Recorded(Incident("i0", "quetta", 0), 0),
            Recorded(Incident("i1", "kech", 1), 1),
            Recorded(Incident("i2", "gwadar", 2), 2),
            Recorded(Incident("far", "peshawar", 40), 40),
            Recorded(Incident("i3", "panjgur", 3), 41));

        Assert.Empty(result.AsKnown.Warnings);
        var w = Assert.Single(result.Warnings);
        Assert.Equal(HindsightOutcome.MissedAsKnown, w.Outcome);
        Assert.Null(w.MatchedBy);
        Assert.Null(w.AsKnown);
        Assert.Equal(T0.AddHours(3), w.FiredAt);
        Assert.Null(w.KnownAt);
        Assert.Null(w.Delay);
    }

    [Fact]
    public void a_casualty_correction_recorded_later_lifts_severity_hours_after_hindsight_had_it()
    {
        // One attack, 2 killed as first reported at 00:00; corrected to 12 at 05:00. Severe, Extreme from 10 killed.
        var deadly = Make("deadly", new RulePattern.Single(), GroupBy.Province, null, [new SeverityStep(Measure.Killed, 10, CapSeverity.Extreme)]);
        var result = Compare(deadly,
            Recorded(Incident("i0", "quetta", 0, killed: 2), 0),
            Recorded(Incident("i0", "quetta", 0, killed: 12), 5));

        var w = Assert.Single(result.Warnings);
        Assert.Equal(HindsightOutcome.Known, w.Outcome);
        Assert.Equal(HindsightOutcome.ById, w.MatchedBy);
        Assert.Equal(T0, w.FiredAt);
        Assert.Equal(T0, w.KnownAt);
        Assert.Equal(TimeSpan.Zero, w.Delay);
        Assert.Equal(CapSeverity.Extreme, w.Severity);
        // Both runs end at Extreme; as known it got there only when the correction was recorded.
        Assert.Equal(CapSeverity.Extreme, w.AsKnown!.Warning.Severity);
        Assert.Equal(T0, w.SeverityHeldAt);
        Assert.Equal(T0.AddHours(5), w.SeverityKnownAt);
        Assert.Equal(TimeSpan.FromHours(5), w.SeverityDelay);
    }

    [Fact]
    public void a_retracted_report_leaves_a_warning_that_exists_only_as_known()
    {
        // The only report of an attack at 00:00 raises a warning then, and is retracted at 02:00.
        var any = Single("any");
        var result = Compare(any,
            Recorded(Incident("i0", "quetta", 0), 0),
            Recorded(Incident("i0", "quetta", 0, withdrawn: true), 2));

        Assert.Empty(result.Hindsight.Warnings);
        var w = Assert.Single(result.Warnings);
        Assert.Equal(HindsightOutcome.OnlyAsKnown, w.Outcome);
        Assert.Null(w.Hindsight);
        Assert.Null(w.FiredAt);
        Assert.Equal(T0, w.KnownAt);
        Assert.Equal(WarningResolved.ReasonWithdrawn, w.AsKnown!.ResolutionReason);
    }

    [Fact]
    public void when_nothing_was_late_both_runs_raise_the_same_warnings_known_the_moment_they_fired()
    {
        string[] districts = ["quetta", "kech", "gwadar", "panjgur", "mastung", "kalat", "peshawar", "swat"];
        var history = Enumerable.Range(0, 24)
            .Select(i => Recorded(Incident($"i{i}", districts[i % districts.Length], i * 1.5, killed: i % 5), i * 1.5))
            .ToArray();
        var result = HindsightComparison.Compare(Set(Spread(), Threshold(minIncidents: 2), Single("any")), DateTimeOffset.MinValue, Everything, history);

        Assert.NotEmpty(result.Warnings);
        Assert.All(result.Warnings, w =>
        {
            Assert.Equal(HindsightOutcome.Known, w.Outcome);
            Assert.Equal(HindsightOutcome.ById, w.MatchedBy);
            Assert.Equal(TimeSpan.Zero, w.Delay);
            Assert.Equal(TimeSpan.Zero, w.SeverityDelay);
            Assert.Empty(w.AlsoKnownAs);
        });
        Assert.Equal(Json(result.AsKnown.Warnings), Json(result.Hindsight.Warnings));
    }

    private static string Json(object value) => JsonSerializer.Serialize(value);
}
