using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.Rules.Model;
using static EarlyWarning.Rules.Tests.Loading.RuleYaml;

namespace EarlyWarning.Rules.Tests.Loading;

public sealed class RuleSetLoaderTests
{
    [Fact]
    public void a_spread_rule_is_read_whole()
    {
        var content = """
            settings:
              allowedLateness: 6h
            rules:
              - id: coordinated-attacks
                title: Coordinated attacks across districts
                description: Why.
                kind: spread
                where:
                  types: attacks
                  provinces: [Baluchistan]
                groupBy: province
                window: 6h
                minIncidents: 4
                minDistinct: 3
                distinct: type
                quietPeriod: 90m
                severity: severe
                urgency: IMMEDIATE
                certainty: observed
                escalate:
                  - when: { distinct: 8 }
                    severity: extreme
                  - when: { killed: 20 }
                    severity: Extreme
                inhibits: [cluster]
              - id: cluster
                title: Cluster
                kind: single
                severity: Moderate
                urgency: Expected
                certainty: Likely
            """;

        var set = Load(content);

        var rule = set.Rules[0];
        Assert.Equal(("coordinated-attacks", "Coordinated attacks across districts", "Why.", "spread"), (rule.Id, rule.Title, rule.Description, rule.Kind));
        Assert.Equal(new RulePattern.Spread(TimeSpan.FromHours(6), 4, 3, DistinctField.IncidentType), rule.Pattern);
        Assert.Equal(IncidentTypes.Attacks.Order(), rule.Where.IncidentTypes!.Order());
        Assert.Equal(["balochistan"], rule.Where.ProvinceIds!);
        Assert.Equal(GroupBy.Province, rule.GroupBy);
        Assert.Equal(TimeSpan.FromMinutes(90), rule.QuietPeriod);
        Assert.Equal(("Severe", "Immediate", "Observed"), (rule.Alerting.Severity, rule.Alerting.Urgency, rule.Alerting.Certainty));
        Assert.Equal([new SeverityStep(Measure.Distinct, 8, "Extreme"), new SeverityStep(Measure.Killed, 20, "Extreme")], rule.Alerting.Steps);
        Assert.Equal(["cluster"], rule.Inhibits);
        Assert.Equal(new SourceLocation("rules.yaml", 4, 5), rule.Location);
        Assert.Equal(64, rule.Fingerprint.Length);
        Assert.Equal(TimeSpan.FromHours(6), set.AllowedLateness);
    }

    [Fact]
    public void a_threshold_rule_is_read()
    {
        var rule = Load(Rule("threshold", "groupBy: district\nwindow: 7d\nminIncidents: 5\nescalate:\n  - when: { incidents: 8 }\n    severity: Extreme")).Rules[0];

        Assert.Equal(new RulePattern.Threshold(TimeSpan.FromDays(7), 5), rule.Pattern);
        Assert.Equal(GroupBy.District, rule.GroupBy);
        Assert.Equal([new SeverityStep(Measure.Incidents, 8, "Extreme")], rule.Alerting.Steps);
    }

    [Fact]
    public void a_single_rule_has_no_parameters_and_the_defaults()
    {
        var rule = Load(Rule("single")).Rules[0];

        Assert.IsType<RulePattern.Single>(rule.Pattern);
        Assert.Equal(IncidentFilter.Any, rule.Where);
        Assert.Equal(GroupBy.All, rule.GroupBy);
        Assert.Equal(TimeSpan.FromHours(12), rule.QuietPeriod);
        Assert.Null(rule.Description);
        Assert.Empty(rule.Alerting.Steps);
        Assert.Empty(rule.Inhibits);
    }

    [Fact]
    public void a_spread_rule_counts_districts_by_default()
    {
        var rule = Load(Rule("spread", "window: 6h\nminIncidents: 4\nminDistinct: 4")).Rules[0];

        Assert.Equal(new RulePattern.Spread(TimeSpan.FromHours(6), 4, 4, DistinctField.District), rule.Pattern);
    }

    [Theory]
    [InlineData("district", DistinctField.District)]
    [InlineData("province", DistinctField.Province)]
    [InlineData("place", DistinctField.Place)]
    [InlineData("type", DistinctField.IncidentType)]
    [InlineData("perpetrator", DistinctField.Perpetrator)]
    public void a_spread_rule_counts_the_field_it_names(string distinct, DistinctField field)
    {
        var rule = Load(Rule("spread", $"window: 6h\nminIncidents: 4\nminDistinct: 3\ndistinct: {distinct}")).Rules[0];

        Assert.Equal(field, ((RulePattern.Spread)rule.Pattern).Distinct);
    }

    [Fact]
    public void a_ratio_trend_rule_takes_the_default_bucket_and_minimums()
    {
        var rule = Load(Rule("trend", "window: 30d\nbaseline: 360d\nratio: 1.3\nescalate:\n  - when: { ratio: 2 }\n    severity: Extreme")).Rules[0];

        Assert.Equal(new RulePattern.Trend(TimeSpan.FromDays(30), TimeSpan.FromDays(360), TimeSpan.FromDays(1), 1.3, null, 1, 1), rule.Pattern);
        Assert.Equal([new SeverityStep(Measure.Ratio, 2, "Extreme")], rule.Alerting.Steps);
    }

    [Fact]
    public void a_z_score_trend_rule_is_read()
    {
        var rule = Load(Rule("trend", "window: 7d\nbaseline: 182d\nbucket: 12h\nzScore: 3\nminIncidents: 10\nminBaseline: 50\nescalate:\n  - when: { zscore: 4.5 }\n    severity: Extreme")).Rules[0];

        Assert.Equal(new RulePattern.Trend(TimeSpan.FromDays(7), TimeSpan.FromDays(182), TimeSpan.FromHours(12), null, 3, 10, 50), rule.Pattern);
        Assert.Equal([new SeverityStep(Measure.ZScore, 4.5, "Extreme")], rule.Alerting.Steps);
    }

    [Fact]
    public void a_proximity_rule_watches_every_site_near_located_by_default_and_groups_by_site()
    {
        var set = Load(WithSite(Rule("proximity", "radiusKm: 25")));

        var pattern = Assert.IsType<RulePattern.Proximity>(set.Rules[0].Pattern);
        Assert.Equal((25.0, "near"), (pattern.RadiusKm, pattern.MinGeoPrecision));
        Assert.Empty(pattern.SiteIds);
        Assert.Equal(GroupBy.Site, set.Rules[0].GroupBy);
    }

    [Fact]
    public void a_proximity_rule_may_name_its_sites_and_precision()
    {
        var set = Load(WithSite(Rule("proximity", "radiusKm: 12.5\nsites: [gwadar-port]\nminGeoPrecision: Exact")));

        var pattern = Assert.IsType<RulePattern.Proximity>(set.Rules[0].Pattern);
        Assert.Equal((12.5, "exact"), (pattern.RadiusKm, pattern.MinGeoPrecision));
        Assert.Equal(["gwadar-port"], pattern.SiteIds);
    }

    [Fact]
    public void a_sequence_rule_reads_both_filters()
    {
        var rule = Load(Rule("sequence", "groupBy: province\nwindow: 72h\nfirst:\n  types: [claim-of-responsibility]\n  perpetrators: [BLA]\nthen:\n  types: attacks")).Rules[0];

        var pattern = Assert.IsType<RulePattern.Sequence>(rule.Pattern);
        Assert.Equal(TimeSpan.FromHours(72), pattern.Window);
        Assert.Equal(["claim-of-responsibility"], pattern.First.IncidentTypes!);
        Assert.Equal(["BLA"], pattern.First.Perpetrators!);
        Assert.Equal(IncidentTypes.Attacks.Order(), pattern.Then.IncidentTypes!.Order());
        Assert.Equal(IncidentFilter.Any, rule.Where);
    }

    [Fact]
    public void a_filter_resolves_names_to_ids_and_vocabulary_to_its_canonical_form()
    {
        var rule = Load(Rule("single", """
            where:
              types: [Bombing, suicide-attack, bombing]
              provinces: [KPK, balochistan]
              districts: [D.I. Khan, kech, Bolan]
              targets: [Security-Forces, highway]
              perpetrators: [BLA, ttp]
              claimStatus: [Claimed, attributed]
              minReliability: c
              minKilled: 10
              killedSides: [Civilians]
            """)).Rules[0];

        var where = rule.Where;
        Assert.Equal(["bombing", "suicide-attack"], where.IncidentTypes!.Order());
        Assert.Equal(["balochistan", "khyber-pakhtunkhwa"], where.ProvinceIds!.Order());
        Assert.Equal(["dera-ismail-khan", "kachhi", "kech"], where.DistrictIds!.Order());
        Assert.Equal(["highway", "security-forces"], where.Targets!.Order());
        Assert.True(where.Perpetrators!.Contains("bla") && where.Perpetrators.Contains("TTP"), "perpetrators compare ignoring case");
        Assert.Equal(["attributed", "claimed"], where.ClaimStatuses!.Order());
        Assert.Equal("C", where.MinReliability);
        Assert.Equal(10, where.MinKilled);
        Assert.Equal(["civilians"], where.KilledSides!);
    }

    [Fact]
    public void a_filter_key_left_out_means_any()
    {
        var rule = Load(Rule("single", "where:\n  types: [bombing]")).Rules[0];

        Assert.Equal(new IncidentFilter(IncidentTypes: rule.Where.IncidentTypes), rule.Where);
        Assert.Null(rule.Where.KilledSides);
    }

    [Fact]
    public void attacks_is_every_militant_attack_type_and_may_be_combined()
    {
        var rule = Load(Rule("single", "where:\n  types: [attacks, security-operation]")).Rules[0];

        Assert.Equal(IncidentTypes.Attacks.Append(IncidentTypes.SecurityOperation).Order(), rule.Where.IncidentTypes!.Order());
    }

    [Fact]
    public void sites_are_read_with_their_province_resolved()
    {
        var set = Load(Rule("single") + """
            sites:
              - id: dasu
                name: Dasu hydropower project
                latitude: 35.33
                longitude: 73.22
                province: KP
                description: Dam on the Indus.
            """);

        Assert.Equal([new CriticalSite("dasu", "Dasu hydropower project", 35.33, 73.22, "khyber-pakhtunkhwa", "Dam on the Indus.")], set.Sites);
    }

    [Fact]
    public void allowed_lateness_defaults_to_a_day()
    {
        Assert.Equal(RuleSet.DefaultAllowedLateness, Load(Rule("single")).AllowedLateness);
    }

    [Fact]
    public void settings_and_sites_may_come_from_any_file()
    {
        var set = Load(
            ("a.yaml", WithSite(Rule("proximity", "radiusKm: 25", id: "near-gwadar"))),
            ("z-settings.yaml", "settings:\n  allowedLateness: 2d\n"));

        Assert.Equal(TimeSpan.FromDays(2), set.AllowedLateness);
        Assert.Equal(["gwadar-port"], set.Sites.Select(s => s.Id));
    }

    [Fact]
    public void rules_are_in_file_name_then_document_order_and_files_are_kept_whole_in_name_order()
    {
        var b = Rule("single", id: "b1") + Rule("single", id: "b2").Replace("rules:\n", "");
        var a = Rule("single", id: "a1");

        var set = Load(("b.yaml", b), ("a.yaml", a));

        Assert.Equal(["a1", "b1", "b2"], set.Rules.Select(r => r.Id));
        Assert.Equal([new("a.yaml", a), new("b.yaml", b)], set.Files);
        Assert.Equal(new SourceLocation("b.yaml", 8, 5), set.Rules[2].Location);
    }

    [Fact]
    public void a_list_may_be_written_as_one_value()
    {
        var rule = Load(Rule("single", "inhibits: other\nwhere:\n  provinces: Sindh") + Rule("single", id: "other").Replace("rules:\n", "")).Rules[0];

        Assert.Equal(["other"], rule.Inhibits);
        Assert.Equal(["sindh"], rule.Where.ProvinceIds!);
    }

    [Fact]
    public void yaml_anchors_and_flow_style_read_like_the_block_style()
    {
        var content = """
            rules:
              - { id: a, title: A, kind: single, where: &kp { provinces: [KP] }, severity: Severe, urgency: Immediate, certainty: Observed }
              - id: b
                title: B
                kind: single
                where: *kp
                severity: Severe
                urgency: Immediate
                certainty: Observed
            """;

        var set = Load(content);

        Assert.All(set.Rules, r => Assert.Equal(["khyber-pakhtunkhwa"], r.Where.ProvinceIds!));
    }
}
