using EarlyWarning.Testing;
using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.Rules.Loading;
using EarlyWarning.Rules.Model;

namespace EarlyWarning.Rules.Tests.Loading;

public sealed class ShippedRuleSetTests
{
    private static readonly Lazy<RuleSet> Shipped = new(() => RuleSetLoader.LoadDirectory(Repository.Rules, Gazetteer.Gazetteer.Default));

    [Fact]
    public void the_shipped_rules_load_with_the_shipped_gazetteer()
    {
        var set = Shipped.Value;

        Assert.True(set.Rules.Count >= 10, $"{set.Rules.Count} rules");
        Assert.Equal(["default.yaml", "sites.yaml"], set.Files.Select(f => f.Name));
        Assert.Equal(RuleSetLoader.Hash(set.Files), set.Hash);
        Assert.Equal(TimeSpan.FromHours(24), set.AllowedLateness);
    }

    [Fact]
    public void every_kind_is_shipped()
    {
        Assert.Equal(
            ["proximity", "sequence", "single", "spread", "threshold", "trend"],
            Shipped.Value.Rules.Select(r => r.Kind).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void every_shipped_rule_says_why_its_thresholds_are_what_they_are()
    {
        Assert.All(Shipped.Value.Rules, r => Assert.False(string.IsNullOrWhiteSpace(r.Description), r.Id));
    }

    [Fact]
    public void coordinated_attacks_is_the_pattern_of_30_january_and_inhibits_the_district_rules()
    {
        var rule = Shipped.Value.Rules.Single(r => r.Id == "coordinated-attacks");

        Assert.Equal(new RulePattern.Spread(TimeSpan.FromHours(6), 4, 3, DistinctField.District), rule.Pattern);
        Assert.Equal(GroupBy.Province, rule.GroupBy);
        Assert.Equal(IncidentTypes.Attacks.Order(), rule.Where.IncidentTypes!.Order());
        Assert.Equal(("Severe", "Immediate", "Observed"), (rule.Alerting.Severity, rule.Alerting.Urgency, rule.Alerting.Certainty));
        Assert.Equal([new SeverityStep(Measure.Distinct, 8, "Extreme")], rule.Alerting.Steps);
        Assert.Equal(["district-attack-cluster", "highway-attacks"], rule.Inhibits);
    }

    [Fact]
    public void the_shipped_sites_include_gwadar_port_and_dasu()
    {
        var sites = Shipped.Value.Sites.ToDictionary(s => s.Id);

        Assert.Equal("balochistan", sites["gwadar-port"].ProvinceId);
        Assert.Equal("khyber-pakhtunkhwa", sites["dasu-hydropower"].ProvinceId);
        Assert.Contains("quetta-cantonment", sites.Keys);
    }
}
