using static EarlyWarning.Rules.Tests.Loading.RuleYaml;

namespace EarlyWarning.Rules.Tests.Loading;

public sealed class RuleFingerprintTests
{
    private const string Cluster = """
        rules:
          - id: cluster
            title: Cluster of attacks
            kind: threshold
            where:
              types: [bombing, armed-assault]
              provinces: [Balochistan]
            groupBy: district
            window: 24h
            minIncidents: 3
            severity: Moderate
            urgency: Expected
            certainty: Observed
            escalate:
              - when: { incidents: 5 }
                severity: Severe
          - id: other
            title: Other
            kind: single
            severity: Severe
            urgency: Immediate
            certainty: Observed
        """;

    [Fact]
    public void the_fingerprint_is_the_same_on_every_load()
    {
        Assert.Equal(Fingerprint(Cluster), Fingerprint(Cluster));
    }

    [Fact]
    public void another_rule_changing_leaves_the_fingerprint()
    {
        Assert.Equal(Fingerprint(Cluster), Fingerprint(Cluster.Replace("title: Other", "title: Something else")));
    }

    [Fact]
    public void comments_blank_lines_and_moving_the_rule_leave_the_fingerprint()
    {
        var edited = "# Rules for the SOC.\n\n" + Cluster.Replace("    window: 24h", "    # a day: see the analysis\n    window: 24h   # was 12h");
        var reordered = Cluster.Replace("rules:\n", "rules:\n  - { id: first, title: First, kind: single, severity: Severe, urgency: Immediate, certainty: Observed }\n");

        Assert.Equal(Fingerprint(Cluster), Fingerprint(edited));
        Assert.Equal(Fingerprint(Cluster), Fingerprint(reordered));
    }

    [Fact]
    public void moving_the_rule_to_another_file_leaves_the_fingerprint()
    {
        var moved = Load(("z.yaml", Cluster), ("a.yaml", Rule("single", id: "a"))).Rules.Single(r => r.Id == "cluster");

        Assert.Equal(Fingerprint(Cluster), moved.Fingerprint);
        Assert.NotEqual(Load(Cluster).Rules[0].Location, moved.Location);
    }

    [Fact]
    public void the_order_of_keys_and_of_a_sets_items_and_how_names_are_written_leave_the_fingerprint()
    {
        var rewritten = Cluster
            .Replace("types: [bombing, armed-assault]", "types: [Armed-Assault, bombing, bombing]")
            .Replace("provinces: [Balochistan]", "provinces: [Baluchistan]")
            .Replace("    window: 24h\n    minIncidents: 3\n", "    minIncidents: 3\n    window: 1d\n");

        Assert.Equal(Fingerprint(Cluster), Fingerprint(rewritten));
    }

    [Theory]
    [InlineData("window: 24h", "window: 12h")]
    [InlineData("minIncidents: 3", "minIncidents: 4")]
    [InlineData("groupBy: district", "groupBy: province")]
    [InlineData("types: [bombing, armed-assault]", "types: [bombing]")]
    [InlineData("provinces: [Balochistan]", "provinces: [Sindh]")]
    [InlineData("severity: Moderate", "severity: Minor")]
    [InlineData("urgency: Expected", "urgency: Future")]
    [InlineData("{ incidents: 5 }", "{ incidents: 6 }")]
    [InlineData("title: Cluster of attacks", "title: Attack cluster")]
    [InlineData("certainty: Observed\n    escalate", "certainty: Observed\n    quietPeriod: 2d\n    escalate")]
    [InlineData("certainty: Observed\n    escalate", "certainty: Observed\n    inhibits: [other]\n    escalate")]
    [InlineData("certainty: Observed\n    escalate", "certainty: Observed\n    description: Why.\n    escalate")]
    [InlineData("provinces: [Balochistan]", "provinces: [Balochistan]\n      minReliability: B")]
    public void changing_a_parameter_changes_the_fingerprint(string from, string to)
    {
        Assert.Contains(from, Cluster, StringComparison.Ordinal);

        Assert.NotEqual(Fingerprint(Cluster), Fingerprint(Cluster.Replace(from, to)));
    }

    [Fact]
    public void moving_a_site_changes_the_fingerprint_of_a_proximity_rule_that_watches_it()
    {
        var rule = Rule("proximity", "radiusKm: 25");
        var other = "\n  - id: dasu\n    name: Dasu\n    latitude: 35.33\n    longitude: 73.22\n    province: KP\n";

        var before = Load(WithSite(rule)).Rules[0].Fingerprint;
        var moved = Load(WithSite(rule).Replace("62.3333", "62.4")).Rules[0].Fingerprint;
        var added = Load(WithSite(rule).TrimEnd() + other).Rules[0].Fingerprint;
        var renamed = Load(WithSite(rule).Replace("name: Gwadar port", "name: Port of Gwadar")).Rules[0].Fingerprint;

        Assert.NotEqual(before, moved);
        Assert.NotEqual(before, added);
        Assert.Equal(before, renamed);
    }

    [Fact]
    public void a_site_the_proximity_rule_does_not_watch_leaves_its_fingerprint()
    {
        var rule = Rule("proximity", "radiusKm: 25\nsites: [gwadar-port]");
        var other = "\n  - id: dasu\n    name: Dasu\n    latitude: 35.33\n    longitude: 73.22\n    province: KP\n";

        Assert.Equal(Load(WithSite(rule)).Rules[0].Fingerprint, Load(WithSite(rule).TrimEnd() + other).Rules[0].Fingerprint);
    }

    [Fact]
    public void rules_alike_but_for_their_id_have_different_fingerprints()
    {
        var set = Load(Rule("single", id: "a") + Rule("single", id: "b").Replace("rules:\n", ""));

        Assert.NotEqual(set.Rules[0].Fingerprint, set.Rules[1].Fingerprint);
    }

    [Fact]
    public void the_fingerprint_is_lower_case_sha256_hex()
    {
        Assert.Matches("^[0-9a-f]{64}$", Fingerprint(Cluster));
    }

    private static string Fingerprint(string content) => Load(content).Rules.Single(r => r.Id == "cluster").Fingerprint;
}
