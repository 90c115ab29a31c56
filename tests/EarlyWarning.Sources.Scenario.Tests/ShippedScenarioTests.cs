using EarlyWarning.Contracts.Reports;
using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.Gazetteer;
using Xunit;

namespace EarlyWarning.Sources.Scenario.Tests;

/// <summary>
/// The shipped scenario against the gazetteer, the vocabularies and the figures of the domain text
/// (shared/domain/source-analysis-balochistan-2026.txt).
/// </summary>
public sealed class ShippedScenarioTests
{
    private static readonly ScenarioFile Scenario = ScenarioFile.Default;
    private static readonly IReadOnlyList<ScenarioIncident> Incidents = ScenarioIncident.Of(Scenario);
    private static readonly IReadOnlyList<IncidentReported> Reports = Scenario.Messages.OfType<ReportEntry>().Select(r => r.Report).ToList();

    private static readonly TimeSpan Pkt = TimeSpan.FromHours(5);
    private static readonly DateTimeOffset FirstAttack = new(2026, 1, 30, 23, 50, 0, Pkt);
    private static readonly DateTimeOffset ResponseEnd = FirstAttack.AddHours(40);

    private static IEnumerable<ScenarioIncident> Counted => Incidents.Where(i => !i.Withdrawn);

    private static IEnumerable<ScenarioIncident> Attacks(int year) =>
        Counted.Where(i => i.OccurredAt.Year == year && IncidentTypes.Attacks.Contains(i.Type));

    private static GazetteerLocation Place(IncidentReported report) =>
        Gazetteer.Gazetteer.Default.Resolve(report.Location.Province, report.Location.District, report.Location.Place) is LocationResolved resolved
            ? resolved.Location
            : throw new InvalidOperationException($"{report.SourceId}/{report.ReportId} does not resolve.");

    private static bool InKpOrBalochistan(ScenarioIncident incident) => Place(incident.First).Province.Id is "balochistan" or "khyber-pakhtunkhwa";

    private static bool InBalochistan(ScenarioIncident incident) => Place(incident.First).Province.Id == "balochistan";

    private static IEnumerable<ScenarioIncident> Response =>
        Counted.Where(i => InBalochistan(i) && i.OccurredAt >= FirstAttack && i.OccurredAt <= ResponseEnd);

    [Fact]
    public void the_shipped_scenario_loads_with_history_and_a_live_part()
    {
        Assert.Equal(new DateTimeOffset(2026, 1, 30, 6, 0, 0, Pkt), Scenario.LiveFrom);
        Assert.True(Scenario.Messages.Count(m => m.PublishAt < Scenario.LiveFrom) > 400);
        Assert.True(Scenario.Messages.Count(m => m.PublishAt >= Scenario.LiveFrom) >= 25);
    }

    [Fact]
    public void it_says_it_is_illustrative_and_where_it_is_drawn_from()
    {
        Assert.True(Scenario.Illustrative);
        Assert.Contains("ILLUSTRATIVE DATA, NOT REAL INCIDENT RECORDS", Scenario.Notice, StringComparison.Ordinal);
        Assert.Contains("source-analysis-balochistan-2026", Scenario.Sources?.Document, StringComparison.Ordinal);
        Assert.NotEmpty(Scenario.Sources?.Totals ?? []);
        Assert.Contains("EW_REGENERATE_SCENARIO", Scenario.Sources?.Generator, StringComparison.Ordinal);
    }

    [Fact]
    public void every_location_resolves_in_the_gazetteer()
    {
        var unresolved = Reports
            .Select(r => (Report: r, Resolution: Gazetteer.Gazetteer.Default.Resolve(r.Location.Province, r.Location.District, r.Location.Place)))
            .Where(x => x.Resolution is LocationUnresolved)
            .Select(x => $"{x.Report.SourceId}/{x.Report.ReportId}: {x.Resolution}")
            .ToList();

        Assert.Empty(unresolved);
    }

    [Fact]
    public void every_vocabulary_value_is_valid()
    {
        Assert.All(Reports, r =>
        {
            Assert.True(SourceReliability.IsValid(r.Reliability));
            Assert.True(InformationCredibility.IsValid(r.Credibility));
            Assert.Contains(r.OccurredAtPrecision, TimePrecision.All);
            Assert.Contains(r.IncidentType, IncidentTypes.All);
            Assert.All(r.Targets, t => Assert.Contains(t, Targets.All));
            Assert.Contains(r.ClaimStatus, ClaimStatus.All);
            Assert.True(r.Location.GeoPrecision is null || GeoPrecision.All.Contains(r.Location.GeoPrecision));
        });
        Assert.All(Scenario.Messages.OfType<CorrectionEntry>(), c =>
        {
            Assert.True(c.Correction.IncidentType is null || IncidentTypes.All.Contains(c.Correction.IncidentType));
            Assert.True(c.Correction.ClaimStatus is null || ClaimStatus.All.Contains(c.Correction.ClaimStatus));
        });
    }

    [Fact]
    public void every_report_has_its_own_source_and_report_id()
    {
        var ids = Reports.Select(r => (r.SourceId, r.ReportId)).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void no_incident_occurs_after_it_is_reported_and_each_report_is_published_when_reported()
    {
        Assert.All(Scenario.Messages.OfType<ReportEntry>(), r =>
        {
            Assert.True(r.Report.OccurredAt <= r.Report.ReportedAt, $"messages[{r.Index}]");
            Assert.Equal(r.Report.ReportedAt, r.PublishAt);
        });
    }

    [Theory]
    [InlineData(2024, 787)]
    [InlineData(2025, 956)]
    public void the_deaths_of_a_year_add_up_to_the_published_figure(int year, int deaths) =>
        Assert.Equal(deaths, Counted.Where(i => i.OccurredAt.Year == year).Sum(i => i.Killed));

    [Fact]
    public void attacks_rise_34_per_cent_from_2024_to_2025()
    {
        var ratio = (double)Attacks(2025).Count() / Attacks(2024).Count();

        Assert.InRange(ratio, 1.33, 1.35);
    }

    [Theory]
    [InlineData(2024)]
    [InlineData(2025)]
    public void over_96_per_cent_of_deaths_and_about_93_per_cent_of_attacks_are_in_kp_and_balochistan(int year)
    {
        var incidents = Counted.Where(i => i.OccurredAt.Year == year).ToList();
        var deathShare = (double)incidents.Where(InKpOrBalochistan).Sum(i => i.Killed) / incidents.Sum(i => i.Killed);
        var attacks = Attacks(year).ToList();
        var attackShare = (double)attacks.Count(InKpOrBalochistan) / attacks.Count;

        Assert.True(deathShare > 0.96, $"{deathShare:P2} of deaths");
        Assert.InRange(attackShare, 0.92, 0.94);
    }

    [Fact]
    public void the_background_spreads_over_many_districts_types_and_sources()
    {
        var background = Counted.Where(i => i.OccurredAt.Year is 2024 or 2025).ToList();

        Assert.True(background.Select(i => Place(i.First).District.Id).Distinct().Count() >= 50);
        Assert.True(IncidentTypes.Attacks.All(t => background.Any(i => i.Type == t)));
        Assert.True(background.SelectMany(i => i.Reports).Select(r => r.SourceId).Distinct().Count() >= 15);
    }

    [Theory]
    [InlineData(2024, 8)]
    [InlineData(2025, 5)]
    public void each_herof_phase_hits_several_balochistan_districts_in_one_night_and_is_claimed(int year, int month)
    {
        var phase = Counted.Where(i => i.Key.Contains("herof", StringComparison.Ordinal) && i.OccurredAt.Year == year && i.OccurredAt.Month == month).ToList();
        var attacks = phase.Where(i => IncidentTypes.Attacks.Contains(i.Type)).ToList();

        Assert.True(attacks.Select(i => Place(i.First).District.Id).Distinct().Count() >= 8);
        Assert.True(attacks.Max(i => i.OccurredAt) - attacks.Min(i => i.OccurredAt) < TimeSpan.FromHours(12));
        Assert.Contains(attacks, i => i.First.Targets.Contains(Targets.Highway));
        Assert.Contains(attacks, i => i.First.Targets.Contains(Targets.Police));
        Assert.Contains(attacks, i => i.First.Targets.Contains(Targets.SecurityForces));
        Assert.Contains(phase, i => i.Type == IncidentTypes.ClaimOfResponsibility && i.First.Perpetrator == "BLA" && i.First.Text!.Contains("Herof", StringComparison.Ordinal));
    }

    [Fact]
    public void pre_emptive_operations_precede_the_attacks_in_north_eastern_quetta_panjgur_and_sherani()
    {
        var operations = Counted
            .Where(i => i.Type == IncidentTypes.SecurityOperation && i.OccurredAt >= FirstAttack.AddDays(-2) && i.OccurredAt < FirstAttack)
            .Select(i => Place(i.First).District.Id)
            .ToHashSet();

        Assert.Superset(new HashSet<string> { "quetta", "panjgur", "sherani" }, operations);
    }

    [Fact]
    public void the_night_of_30_31_january_has_attacks_in_at_least_ten_balochistan_districts_within_six_hours()
    {
        var attacks = Counted
            .Where(i => InBalochistan(i) && IncidentTypes.Attacks.Contains(i.Type) && i.OccurredAt >= FirstAttack.AddHours(-12) && i.OccurredAt < FirstAttack.AddHours(24))
            .OrderBy(i => i.OccurredAt)
            .ToList();

        var most = attacks.Max(start => attacks
            .Where(i => i.OccurredAt >= start.OccurredAt && i.OccurredAt < start.OccurredAt.AddHours(6))
            .Select(i => Place(i.First).District.Id)
            .Distinct()
            .Count());
        Assert.True(most >= 10, $"{most} districts");
    }

    [Fact]
    public void the_response_totals_match_the_domain_text()
    {
        var response = Response.ToList();

        Assert.Equal(145, response.Sum(i => i.Casualties.Militants?.Killed ?? 0));
        Assert.Equal(17 + 1, response.Sum(i => i.Casualties.SecurityForces?.Killed ?? 0));
        Assert.InRange(response.Sum(i => i.Casualties.Civilians?.Killed ?? 0), 3, 12); // "several"
        Assert.Contains(response, i => i.First.Text!.Contains("Navy", StringComparison.Ordinal) && i.Casualties.SecurityForces?.Killed > 0);
    }

    [Fact]
    public void three_suicide_bombers_struck()
    {
        var suicide = Response.Where(i => i.Type == IncidentTypes.SuicideAttack).ToList();

        Assert.Equal(3, suicide.Count);
        Assert.All(suicide, i => Assert.True(i.Casualties.Militants?.Killed >= 1));
    }

    [Fact]
    public void the_bla_claims_the_attacks_as_the_second_phase_of_operation_herof()
    {
        var claim = Assert.Single(Response, i => i.Type == IncidentTypes.ClaimOfResponsibility);

        Assert.Equal("BLA", claim.First.Perpetrator);
        Assert.Equal(ClaimStatus.Claimed, claim.First.ClaimStatus);
        Assert.Contains("second phase of 'Operation Herof'", claim.First.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void at_least_two_attacks_are_reported_by_two_sources_close_in_time_in_the_same_district()
    {
        var corroborated = Response
            .Where(i => IncidentTypes.Attacks.Contains(i.Type) && i.Reports.Select(r => r.SourceId).Distinct().Count() >= 2)
            .Where(i => i.Reports.All(r => Place(r).District.Id == Place(i.First).District.Id && r.IncidentType == i.Type))
            .Where(i => i.Reports.All(r => (r.OccurredAt - i.First.OccurredAt).Duration() <= TimeSpan.FromHours(1)))
            .ToList();

        Assert.True(corroborated.Count >= 2, string.Join(", ", corroborated.Select(i => i.Key)));
        Assert.Contains(corroborated, i => i.Reports.Select(r => r.Casualties).Distinct().Count() > 1);
    }

    [Fact]
    public void an_attack_of_31_january_is_reported_a_day_or_more_late()
    {
        Assert.Contains(Response, i => IncidentTypes.Attacks.Contains(i.Type)
            && i.Reports.Any(r => r.OccurredAt.Date == new DateTime(2026, 1, 31) && r.ReportedAt - r.OccurredAt >= TimeSpan.FromDays(1)));
    }

    [Fact]
    public void a_casualty_figure_of_the_attacks_is_corrected()
    {
        var keys = Response.Select(i => (i.First.SourceId, i.First.ReportId)).ToHashSet();

        Assert.Contains(Scenario.Messages.OfType<CorrectionEntry>(), c => keys.Contains((c.SourceId, c.ReportId)) && c.Correction.Casualties is not null);
    }

    [Fact]
    public void a_false_report_of_an_attack_in_north_eastern_quetta_is_retracted()
    {
        var rumour = Assert.Single(Incidents, i => i.Withdrawn && i.OccurredAt.Year == 2026);

        Assert.Equal("quetta", Place(rumour.First).District.Id);
        Assert.Contains(Scenario.Messages.OfType<RetractionEntry>(), r => r.Retraction.Reason.Contains("north-eastern Quetta", StringComparison.Ordinal));
    }
}
