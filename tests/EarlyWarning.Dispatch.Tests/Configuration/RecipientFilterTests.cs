using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.Contracts.Warnings;
using EarlyWarning.Dispatch.Configuration;

namespace EarlyWarning.Dispatch.Tests.Configuration;

public sealed class RecipientFilterTests
{
    private static readonly WarningSnapshot Balochistan = SampleWarnings.Snapshot("w1", "balochistan", CapSeverity.Severe, "coordinated-attacks");

    [Fact]
    public void an_empty_filter_takes_every_warning() => Assert.True(RecipientFilter.Any.Matches(Balochistan));

    [Theory]
    [InlineData(new[] { "balochistan" }, true)]
    [InlineData(new[] { "Balochistan" }, true)]
    [InlineData(new[] { "khyber-pakhtunkhwa", "balochistan" }, true)]
    [InlineData(new[] { "khyber-pakhtunkhwa" }, false)]
    public void provinces_match_the_warnings_province(string[] provinces, bool matches) =>
        Assert.Equal(matches, new RecipientFilter(provinces, null, []).Matches(Balochistan));

    [Fact]
    public void a_countrywide_warning_concerns_the_provinces_of_its_incidents()
    {
        var incident = new WarningIncident("i1", DateTimeOffset.UtcNow, "bombing", "khyber-pakhtunkhwa", "peshawar", "Peshawar", 34, 71.5, 3);
        var countrywide = SampleWarnings.Snapshot("w2", province: null, incidents: [incident]);
        Assert.True(new RecipientFilter(["khyber-pakhtunkhwa"], null, []).Matches(countrywide));
        Assert.False(new RecipientFilter(["balochistan"], null, []).Matches(countrywide));
    }

    [Theory]
    [InlineData(CapSeverity.Minor, true)]
    [InlineData(CapSeverity.Severe, true)]
    [InlineData(CapSeverity.Extreme, false)]
    public void a_minimum_severity_takes_that_severity_and_above(string minimum, bool matches) =>
        Assert.Equal(matches, new RecipientFilter([], minimum, []).Matches(Balochistan));

    [Fact]
    public void unknown_severity_ranks_below_every_minimum() =>
        Assert.False(new RecipientFilter([], CapSeverity.Minor, []).Matches(Balochistan with { Severity = CapSeverity.Unknown }));

    [Theory]
    [InlineData(new[] { "coordinated-attacks" }, true)]
    [InlineData(new[] { "district-attack-cluster" }, false)]
    public void rules_match_the_warnings_rule(string[] rules, bool matches) =>
        Assert.Equal(matches, new RecipientFilter([], null, rules).Matches(Balochistan));

    [Fact]
    public void every_part_of_a_filter_must_match() =>
        Assert.False(new RecipientFilter(["balochistan"], CapSeverity.Extreme, ["coordinated-attacks"]).Matches(Balochistan));
}
