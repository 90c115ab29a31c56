using EarlyWarning.Rules.Loading;
using static EarlyWarning.Rules.Tests.Loading.RuleYaml;

namespace EarlyWarning.Rules.Tests.Loading;

public sealed class RuleSetLoaderErrorTests
{
    // Positions: see RuleYaml.Rule (the rule at 2:5, extra lines from line 8 with keys at column 5).
    public static TheoryData<string, string, string, string> BadFiles => new()
    {
        // The file as a whole
        { "not YAML", "rules:\n  - id: r\n    title: [unclosed\n", "bad.yaml:4:1", "not valid YAML" },
        { "a key twice", Rule("single", "title: Again"), "bad.yaml:8:5", "Duplicate key" },
        { "two documents", Rule("single") + "---\nrules: []\n", "bad.yaml:9:1", "one YAML document" },
        { "not a mapping", "- rules\n", "bad.yaml:1:1", "file: expected a mapping of settings, sites and rules, got a list" },
        { "unknown top-level key", "rule:\n" + Rule("single"), "bad.yaml:1:1", "unknown key 'rule'; allowed: settings, sites, rules" },
        { "rules not a list", "rules: { id: r }\n", "bad.yaml:1:8", "rules: expected a list, got a mapping" },
        { "a rule not a mapping", "rules:\n  - coordinated-attacks\n", "bad.yaml:2:5", "rules[0]: expected a rule" },
        { "no rules", Site, "bad.yaml:0:0", "the rule set has no rules" },

        // Unknown keys, at every level
        { "unknown rule key", Rule("single", "quietperiod: 6h"), "bad.yaml:8:5", "rule 'r': unknown key 'quietperiod' for a single rule; allowed: id, title, description, kind, where, groupBy, quietPeriod" },
        { "misspelt kind key", Rule("threshold", "window: 6h\nminIncidents: 3\nminIncident: 4"), "bad.yaml:10:5", "unknown key 'minIncident' for a threshold rule; allowed: id, title" },
        { "another kind's key", Rule("single", "window: 6h"), "bad.yaml:8:5", "unknown key 'window' for a single rule" },
        { "unknown filter key", Rule("single", "where:\n  type: [bombing]"), "bad.yaml:9:7", "rule 'r': where: unknown key 'type'; allowed: types, provinces, districts, targets, perpetrators, claimStatus, minReliability, minKilled, killedSides" },
        { "unknown sequence filter key", Rule("sequence", "window: 72h\nfirst: { type: claim-of-responsibility }\nthen: { types: attacks }"), "bad.yaml:9:14", "first: unknown key 'type'; allowed: types" },
        { "unknown step key", Rule("single", "escalate:\n  - when: { killed: 25 }\n    severity: Extreme\n    level: 2"), "bad.yaml:11:9", "escalate[0]: unknown key 'level'; allowed: when, severity" },
        { "unknown measure", Rule("single", "escalate:\n  - when: { deaths: 25 }\n    severity: Extreme"), "bad.yaml:9:17", "escalate[0].when: unknown key 'deaths'; allowed: incidents, distinct, killed, ratio, zscore" },
        { "unknown site key", Rule("single") + Site + "    elevation: 10\n", "bad.yaml:14:5", "site 'gwadar-port': unknown key 'elevation'; allowed: id, name, latitude, longitude, province, description" },
        { "unknown settings key", "settings:\n  lateness: 24h\n" + Rule("single"), "bad.yaml:2:3", "settings: unknown key 'lateness'; allowed: allowedLateness" },

        // Required keys, reported where the rule starts
        { "no id", "rules:\n  - title: A rule\n    kind: single\n    severity: Severe\n    urgency: Immediate\n    certainty: Observed\n", "bad.yaml:2:5", "rules[0]: missing required key 'id'" },
        { "no title", "rules:\n  - id: r\n    kind: single\n    severity: Severe\n    urgency: Immediate\n    certainty: Observed\n", "bad.yaml:2:5", "rule 'r': missing required key 'title'" },
        { "no kind", "rules:\n  - id: r\n    title: A rule\n    severity: Severe\n    urgency: Immediate\n    certainty: Observed\n", "bad.yaml:2:5", "missing required key 'kind'" },
        { "no severity", "rules:\n  - id: r\n    title: A rule\n    kind: single\n    urgency: Immediate\n    certainty: Observed\n", "bad.yaml:2:5", "missing required key 'severity'" },
        { "no urgency", "rules:\n  - id: r\n    title: A rule\n    kind: single\n    severity: Severe\n    certainty: Observed\n", "bad.yaml:2:5", "missing required key 'urgency'" },
        { "no certainty", "rules:\n  - id: r\n    title: A rule\n    kind: single\n    severity: Severe\n    urgency: Immediate\n", "bad.yaml:2:5", "missing required key 'certainty'" },
        { "threshold without window", Rule("threshold", "minIncidents: 3"), "bad.yaml:2:5", "missing required key 'window'" },
        { "threshold without minIncidents", Rule("threshold", "window: 6h"), "bad.yaml:2:5", "missing required key 'minIncidents'" },
        { "spread without minDistinct", Rule("spread", "window: 6h\nminIncidents: 4"), "bad.yaml:2:5", "missing required key 'minDistinct'" },
        { "trend without baseline", Rule("trend", "window: 30d\nratio: 1.3"), "bad.yaml:2:5", "missing required key 'baseline'" },
        { "trend without ratio or zScore", Rule("trend", "window: 30d\nbaseline: 360d"), "bad.yaml:2:5", "missing required key 'ratio' or 'zScore'" },
        { "proximity without radius", WithSite(Rule("proximity")), "bad.yaml:2:5", "missing required key 'radiusKm'" },
        { "sequence without then", Rule("sequence", "window: 72h\nfirst: { types: [claim-of-responsibility] }"), "bad.yaml:2:5", "missing required key 'then'" },
        { "sequence without window", Rule("sequence", "first: { types: [claim-of-responsibility] }\nthen: { types: attacks }"), "bad.yaml:2:5", "missing required key 'window'" },
        { "site without name", Rule("single") + "sites:\n  - id: s\n    latitude: 25\n    longitude: 62\n    province: Balochistan\n", "bad.yaml:9:5", "site 's': missing required key 'name'" },

        // Ids
        { "id with capitals", Rule("single", id: "Coordinated_Attacks"), "bad.yaml:2:9", "rule 'Coordinated_Attacks': id: 'Coordinated_Attacks' is not a valid id" },
        { "id starting with a dash", Rule("single", id: "-r"), "bad.yaml:2:9", "is not a valid id" },
        { "id twice in a file", Rule("single") + Rule("single").Replace("rules:\n", ""), "bad.yaml:8:9", "rule 'r': id: already defined at bad.yaml:2:9" },
        { "site id twice", Rule("single") + Site + Site.Replace("sites:\n", ""), "bad.yaml:14:9", "site 'gwadar-port': id: already defined at bad.yaml:9:9" },
        { "site id not a slug", Rule("single") + Site.Replace("gwadar-port", "Gwadar Port"), "bad.yaml:9:9", "site 'Gwadar Port': id: 'Gwadar Port' is not a valid id" },

        // Durations
        { "duration in words", Rule("threshold", "window: 6 hours\nminIncidents: 3"), "bad.yaml:8:13", "rule 'r': window: expected a duration like 30m, 6h or 7d, got '6 hours'" },
        { "duration of zero", Rule("threshold", "window: 0h\nminIncidents: 3"), "bad.yaml:8:13", "window: expected a duration like 30m, 6h or 7d, got '0h'" },
        { "negative duration", Rule("threshold", "window: -6h\nminIncidents: 3"), "bad.yaml:8:13", "got '-6h'" },
        { "fractional duration", Rule("threshold", "window: 1.5d\nminIncidents: 3"), "bad.yaml:8:13", "got '1.5d'" },
        { "duration in weeks", Rule("single", "quietPeriod: 1w"), "bad.yaml:8:18", "quietPeriod: expected a duration like 30m, 6h or 7d, got '1w'" },
        { "duration without unit", Rule("single", "quietPeriod: 12"), "bad.yaml:8:18", "got '12'" },
        { "duration as a list", Rule("single", "quietPeriod: [12h]"), "bad.yaml:8:18", "got a list" },
        { "bad allowed lateness", "settings:\n  allowedLateness: a day\n" + Rule("single"), "bad.yaml:2:20", "settings.allowedLateness: expected a duration like 30m, 6h or 7d, got 'a day'" },

        // Counts and numbers
        { "no incidents", Rule("threshold", "window: 6h\nminIncidents: 0"), "bad.yaml:9:19", "minIncidents: expected a whole number of at least 1, got '0'" },
        { "fractional incidents", Rule("threshold", "window: 6h\nminIncidents: 2.5"), "bad.yaml:9:19", "got '2.5'" },
        { "negative killed", Rule("single", "where:\n  minKilled: -1"), "bad.yaml:9:18", "where.minKilled: expected a whole number of at least 1, got '-1'" },
        { "minDistinct above minIncidents", Rule("spread", "window: 6h\nminIncidents: 3\nminDistinct: 4"), "bad.yaml:10:18", "minDistinct: 4 is more than minIncidents 3" },
        { "no distinct values", Rule("spread", "window: 6h\nminIncidents: 3\nminDistinct: 0"), "bad.yaml:10:18", "minDistinct: expected a whole number of at least 1" },
        { "no baseline incidents", Rule("trend", "window: 30d\nbaseline: 360d\nratio: 1.3\nminBaseline: 0"), "bad.yaml:11:18", "minBaseline: expected a whole number of at least 1" },

        // Trend
        { "ratio of zero", Rule("trend", "window: 30d\nbaseline: 360d\nratio: 0"), "bad.yaml:10:12", "ratio: expected a number greater than 0, got '0'" },
        { "negative ratio", Rule("trend", "window: 30d\nbaseline: 360d\nratio: -1.3"), "bad.yaml:10:12", "ratio: expected a number greater than 0" },
        { "ratio not a number", Rule("trend", "window: 30d\nbaseline: 360d\nratio: high"), "bad.yaml:10:12", "got 'high'" },
        { "ratio and zScore", Rule("trend", "window: 7d\nbaseline: 182d\nratio: 1.3\nzScore: 3"), "bad.yaml:11:5", "zScore: give ratio or zScore, not both" },
        { "zero zScore", Rule("trend", "window: 7d\nbaseline: 182d\nzScore: 0"), "bad.yaml:10:13", "zScore: expected a number greater than 0" },
        { "window not a multiple of the bucket", Rule("trend", "window: 36h\nbaseline: 360d\nratio: 1.3"), "bad.yaml:8:13", "window: 36h is not a multiple of bucket 1d" },
        { "baseline not a multiple of the bucket", Rule("trend", "window: 14d\nbaseline: 30d\nbucket: 7d\nratio: 1.3"), "bad.yaml:9:15", "baseline: 30d is not a multiple of bucket 7d" },
        { "bad bucket", Rule("trend", "window: 30d\nbaseline: 360d\nbucket: daily\nratio: 1.3"), "bad.yaml:10:13", "bucket: expected a duration" },
        { "z-score baseline not a multiple of the window", Rule("trend", "window: 7d\nbaseline: 180d\nzScore: 3"), "bad.yaml:9:15", "baseline: 180d is not a multiple of window 7d" },
        { "z-score baseline of one window", Rule("trend", "window: 7d\nbaseline: 7d\nzScore: 3"), "bad.yaml:9:15", "baseline: 7d is a single window of 7d" },

        // Proximity
        { "radius of zero", WithSite(Rule("proximity", "radiusKm: 0")), "bad.yaml:8:15", "radiusKm: expected a radius in km greater than 0 and at most 500, got '0'" },
        { "radius beyond 500 km", WithSite(Rule("proximity", "radiusKm: 600")), "bad.yaml:8:15", "got '600'" },
        { "groupBy on proximity", WithSite(Rule("proximity", "radiusKm: 25\ngroupBy: province")), "bad.yaml:9:5", "groupBy: a proximity rule always groups by site" },
        { "region precision", WithSite(Rule("proximity", "radiusKm: 25\nminGeoPrecision: region")), "bad.yaml:9:22", "minGeoPrecision: expected one of exact, near, got 'region'" },
        { "unknown site", WithSite(Rule("proximity", "radiusKm: 25\nsites: [gwadar-port, dasu]")), "bad.yaml:9:26", "rule 'r': sites: no site has the id 'dasu'" },
        { "proximity without sites", Rule("proximity", "radiusKm: 25"), "bad.yaml:2:5", "a proximity rule needs critical sites" },

        // CAP vocabularies
        { "unknown severity", Rule("single", severity: "Critical"), "bad.yaml:5:15", "severity: expected one of Extreme, Severe, Moderate, Minor, Unknown, got 'Critical'" },
        { "unknown urgency", Rule("single", urgency: "Soon"), "bad.yaml:6:14", "urgency: expected one of Immediate, Expected, Future, Past, Unknown, got 'Soon'" },
        { "unknown certainty", Rule("single", certainty: "Certain"), "bad.yaml:7:16", "certainty: expected one of Observed, Likely, Possible, Unlikely, Unknown, got 'Certain'" },

        // Other vocabularies
        { "unknown kind", Rule("cluster"), "bad.yaml:4:11", "kind: expected one of spread, threshold, single, trend, proximity, sequence, got 'cluster'" },
        { "unknown groupBy", Rule("single", "groupBy: city"), "bad.yaml:8:14", "groupBy: expected one of all, province, district, got 'city'" },
        { "unknown distinct field", Rule("spread", "window: 6h\nminIncidents: 4\nminDistinct: 3\ndistinct: tehsil"), "bad.yaml:11:15", "distinct: expected one of district, province, place, type, perpetrator, got 'tehsil'" },
        { "unknown incident type", Rule("single", "where:\n  types: [bombing, shooting]"), "bad.yaml:9:24", "where.types: expected one of attacks, armed-assault" },
        { "unknown target", Rule("single", "where:\n  targets: [banks]"), "bad.yaml:9:17", "where.targets: expected one of" },
        { "unknown claim status", Rule("single", "where:\n  claimStatus: [denied]"), "bad.yaml:9:21", "where.claimStatus: expected one of claimed, attributed, unknown, got 'denied'" },
        { "reliability G", Rule("single", "where:\n  minReliability: G"), "bad.yaml:9:23", "where.minReliability: expected one of A, B, C, D, E, F, got 'G'" },
        { "unknown killed side", Rule("single", "where:\n  minKilled: 10\n  killedSides: [police]"), "bad.yaml:10:21", "where.killedSides: expected one of security-forces, civilians, militants, got 'police'" },
        { "killed sides without minKilled", Rule("single", "where:\n  killedSides: [civilians]"), "bad.yaml:9:7", "where.killedSides: counts toward minKilled, which is not given" },
        { "empty list", Rule("single", "where:\n  types: []"), "bad.yaml:9:14", "where.types: an empty list matches nothing" },
        { "empty perpetrator", Rule("single", "where:\n  perpetrators: [BLA, '']"), "bad.yaml:9:27", "where.perpetrators[1]: expected text" },
        { "filter not a mapping", Rule("single", "where: attacks"), "bad.yaml:8:12", "where: expected a filter" },

        // Gazetteer
        { "unknown province", Rule("single", "where:\n  provinces: [Narnia]"), "bad.yaml:9:19", "where.provinces: unknown province 'Narnia'; known: Balochistan" },
        { "unknown district", Rule("single", "where:\n  districts: [Atlantis]"), "bad.yaml:9:19", "where.districts: unknown district 'Atlantis'" },
        { "misspelt district", Rule("single", "where:\n  districts: [Mastang]"), "bad.yaml:9:19", "unknown district 'Mastang'; did you mean Mastung?" },
        { "town for a district", Rule("single", "where:\n  districts: [Mach]"), "bad.yaml:9:19", "where.districts: 'Mach' is a place in Kachhi district, not a district; name the district" },
        { "ambiguous district", Rule("single", "where:\n  districts: [South Waziristan]"), "bad.yaml:9:19", "is ambiguous" },
        { "district outside the provinces", Rule("single", "where:\n  provinces: [Punjab]\n  districts: [Kech]"), "bad.yaml:10:19", "where.districts: Kech lies in Balochistan, which is not one of where.provinces" },
        { "site in an unknown province", Rule("single") + Site.Replace("province: Balochistan", "province: Makran"), "bad.yaml:13:15", "site 'gwadar-port': province: unknown province 'Makran'" },

        // Sites
        { "site latitude outside Pakistan", Rule("single") + Site.Replace("25.1167", "45.1"), "bad.yaml:11:15", "site 'gwadar-port': latitude: expected a latitude within Pakistan, 23 to 37.5, got '45.1'" },
        { "site longitude outside Pakistan", Rule("single") + Site.Replace("62.3333", "80.2"), "bad.yaml:12:16", "longitude: expected a longitude within Pakistan, 60 to 78, got '80.2'" },

        // Escalation
        { "escalate not a list", Rule("single", "escalate: { killed: 25 }"), "bad.yaml:8:15", "escalate: expected a list of steps" },
        { "step without severity", Rule("single", "escalate:\n  - when: { killed: 25 }"), "bad.yaml:9:9", "escalate[0]: missing required key 'severity'" },
        { "step without when", Rule("single", "escalate:\n  - severity: Extreme"), "bad.yaml:9:9", "escalate[0]: missing required key 'when'" },
        { "two measures in a step", Rule("single", "escalate:\n  - when: { incidents: 5, killed: 25 }\n    severity: Extreme"), "bad.yaml:9:31", "escalate[0].when: one measure per step, but 'incidents' and 'killed' are given" },
        { "no measure in a step", Rule("single", "escalate:\n  - when: {}\n    severity: Extreme"), "bad.yaml:9:15", "escalate[0].when: expected one measure of incidents, distinct, killed, ratio, zscore" },
        { "ratio step outside trend", Rule("threshold", "window: 6h\nminIncidents: 3\nescalate:\n  - when: { ratio: 2 }\n    severity: Extreme"), "bad.yaml:11:17", "escalate[0].when.ratio: only trend rules measure ratio" },
        { "zscore step on a ratio trend", Rule("trend", "window: 30d\nbaseline: 360d\nratio: 1.3\nescalate:\n  - when: { zscore: 4 }\n    severity: Extreme"), "bad.yaml:12:17", "escalate[0].when.zscore: this trend rule has no zScore" },
        { "step count of zero", Rule("single", "escalate:\n  - when: { killed: 0 }\n    severity: Extreme"), "bad.yaml:9:25", "escalate[0].when.killed: expected a whole number of at least 1, got '0'" },
        { "step severity unknown", Rule("single", "escalate:\n  - when: { killed: 25 }\n    severity: Catastrophic"), "bad.yaml:10:19", "escalate[0].severity: expected one of Extreme" },
        { "step that does not raise severity", Rule("single", "escalate:\n  - when: { killed: 25 }\n    severity: Moderate"), "bad.yaml:10:19", "escalate[0].severity: Moderate does not raise the rule's severity Severe" },

        // Inhibition
        { "inhibits an unknown rule", Rule("single", "inhibits: [district-cluster]"), "bad.yaml:8:16", "rule 'r': inhibits: no rule has the id 'district-cluster'" },
        { "inhibits itself", Rule("single", "inhibits: [r]"), "bad.yaml:8:16", "rule 'r': inhibits: a rule cannot inhibit itself" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void a_bad_file_is_rejected_with_the_error_where_it_is(string why, string content, string location, string message)
    {
        var errors = Errors(("bad.yaml", content));

        var error = Assert.Single(errors);
        Assert.True(
            error.Location.ToString() == location && error.Message.Contains(message, StringComparison.Ordinal),
            $"{why}: expected {location}: …{message}…, got {error}");
    }

    [Fact]
    public void an_error_reads_file_line_column_then_the_rule_and_key()
    {
        var errors = Errors(("default.yaml", Rule("spread", "window: 6 hours\nminIncidents: 4\nminDistinct: 3", id: "coordinated-attacks")));

        Assert.Equal(
            "default.yaml:8:13: rule 'coordinated-attacks': window: expected a duration like 30m, 6h or 7d, got '6 hours'",
            Assert.Single(errors).ToString());
    }

    [Fact]
    public void a_file_with_several_errors_lists_them_all_in_file_order()
    {
        var content = """
            settings:
              allowedLateness: 1 day
            rules:
              - id: first
                title: First
                kind: threshold
                window: 6h
                minIncident: 3
                severity: Critical
                urgency: Immediate
                certainty: Observed
              - id: second
                title: Second
                kind: single
                where: { provinces: [Narnia] }
                severity: Severe
                urgency: Immediate
                certainty: Observed
                inhibits: [nobody]
            """;

        var errors = Errors(("bad.yaml", content));

        Assert.Equal(
            [
                "bad.yaml:2:20: settings.allowedLateness: expected a duration like 30m, 6h or 7d, got '1 day'",
                "bad.yaml:4:5: rule 'first': missing required key 'minIncidents'",
                "bad.yaml:8:5: rule 'first': unknown key 'minIncident' for a threshold rule",
                "bad.yaml:9:15: rule 'first': severity: expected one of Extreme, Severe, Moderate, Minor, Unknown, got 'Critical'",
                "bad.yaml:15:26: rule 'second': where.provinces: unknown province 'Narnia'",
                "bad.yaml:19:16: rule 'second': inhibits: no rule has the id 'nobody'",
            ],
            errors.Select(e => e.ToString()).Select((e, i) => i == 2 || i == 4 ? e[..e.IndexOf(';', StringComparison.Ordinal)] : e).ToList());
        Assert.Equal(string.Join(Environment.NewLine, errors), new RuleSetException(errors).Message);
    }

    [Fact]
    public void errors_of_several_files_are_all_listed_by_file_name()
    {
        var errors = Errors(
            ("b.yaml", Rule("single", "quietPeriod: soon", id: "b")),
            ("a.yaml", Rule("single", "groupBy: city", id: "a")));

        Assert.Equal(["a.yaml:8:14", "b.yaml:8:18"], errors.Select(e => e.Location.ToString()));
    }

    [Fact]
    public void one_bad_file_means_nothing_is_loaded()
    {
        var good = Rule("single", id: "good");
        var bad = Rule("single", "quietPeriod: 6 hours", id: "bad");

        var failure = Assert.Throws<RuleSetException>(() => Load(("a.yaml", good), ("b.yaml", bad)));

        Assert.Equal("b.yaml:8:18", Assert.Single(failure.Errors).Location.ToString());
    }

    [Fact]
    public void a_rule_id_defined_in_two_files_names_where_the_first_is()
    {
        var errors = Errors(("a.yaml", Rule("single", id: "dup")), ("b.yaml", Rule("single", id: "dup")));

        Assert.Equal("b.yaml:2:9: rule 'dup': id: already defined at a.yaml:2:9", Assert.Single(errors).ToString());
    }

    [Fact]
    public void a_site_id_defined_in_two_files_names_where_the_first_is()
    {
        var errors = Errors(("a.yaml", Rule("single") + Site), ("b.yaml", Site));

        Assert.Equal("b.yaml:2:9: site 'gwadar-port': id: already defined at a.yaml:9:9", Assert.Single(errors).ToString());
    }

    [Fact]
    public void settings_in_two_files_are_an_error_naming_the_first()
    {
        var errors = Errors(
            ("a.yaml", "settings:\n  allowedLateness: 24h\n" + Rule("single")),
            ("b.yaml", "settings:\n  allowedLateness: 6h\n"));

        Assert.Equal("b.yaml:1:1: settings: already given at a.yaml:1:1; settings may appear in one file only", Assert.Single(errors).ToString());
    }

    [Fact]
    public void inhibits_and_sites_may_name_rules_and_sites_of_other_files()
    {
        var set = Load(
            ("a.yaml", Rule("proximity", "radiusKm: 25\nsites: [gwadar-port]\ninhibits: [b]", id: "a")),
            ("b.yaml", Rule("single", id: "b")),
            ("sites.yaml", Site));

        Assert.Equal(["a", "b"], set.Rules.Select(r => r.Id));
    }

    [Fact]
    public void a_broken_rule_does_not_also_make_the_rules_that_inhibit_it_wrong()
    {
        var errors = Errors(("a.yaml", Rule("single", "inhibits: [b]", id: "a") + Rule("single", "quietPeriod: never", id: "b").Replace("rules:\n", "")));

        Assert.Equal("a.yaml:15:18", Assert.Single(errors).Location.ToString());
    }

    [Fact]
    public void the_same_file_name_twice_is_an_error()
    {
        var errors = Errors(("a.yaml", Rule("single", id: "a")), ("a.yaml", Rule("single", id: "b")));

        Assert.Contains(errors, e => e.ToString() == "a.yaml:0:0: the same file name is given more than once");
    }

    [Fact]
    public void an_empty_set_of_files_is_an_error()
    {
        var failure = Assert.Throws<RuleSetException>(() => RuleSetLoader.Load([], Gazetteer.Gazetteer.Default));

        Assert.Contains("the rule set has no rules", Assert.Single(failure.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void empty_files_hold_no_rules()
    {
        var errors = Errors(("a.yaml", ""), ("b.yaml", "# nothing yet\n"));

        Assert.Equal("a.yaml:0:0: the rule set has no rules", Assert.Single(errors).ToString());
    }
}
