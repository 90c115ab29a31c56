using EarlyWarning.Dispatch.Configuration;
using EarlyWarning.Testing;
using Microsoft.Extensions.Configuration;

namespace EarlyWarning.Dispatch.Tests.Configuration;

public sealed class DispatchOptionsReaderTests
{
    private static Dictionary<string, string?> Valid() => new()
    {
        ["Dispatch:Recipients:0:Name"] = "soc-quetta",
        ["Dispatch:Recipients:0:Url"] = "https://soc.example/hooks/ew",
        ["Dispatch:Recipients:0:Secret"] = "whsec_0123456789abcdef",
        ["Dispatch:Recipients:0:Filter:Provinces:0"] = "balochistan",
        ["Dispatch:Recipients:0:Filter:MinimumSeverity"] = "Severe",
        ["Dispatch:Recipients:0:Escalation:After"] = "00:15:00",
        ["Dispatch:Recipients:0:Escalation:Next"] = "duty-manager",
        ["Dispatch:Recipients:1:Name"] = "duty-manager",
        ["Dispatch:Recipients:1:Url"] = "https://pager.example/ew",
        ["Dispatch:Recipients:1:Secret"] = "whsec_fedcba9876543210",
    };

    private static DispatchOptions Read(Dictionary<string, string?> settings) =>
        DispatchOptionsReader.From(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

    [Fact]
    public void a_valid_section_reads_with_the_default_policy()
    {
        var options = Read(Valid());

        Assert.Equal(DispatchOptionsReader.DefaultPolicy, options.Policy);
        Assert.Equal(TimeSpan.FromHours(24), options.MaxAge);
        Assert.Equal(["soc-quetta", "duty-manager"], options.Recipients.Select(r => r.Name));
        var first = options.Recipients[0];
        Assert.Equal(new EscalationPolicy(TimeSpan.FromMinutes(15), "duty-manager", 0), first.Escalation);
        Assert.Equal(["balochistan"], first.Filter.Provinces);
        Assert.Equal("Severe", first.Filter.MinimumSeverity);
        Assert.DoesNotContain("whsec", first.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void no_section_at_all_is_a_dispatch_without_recipients()
    {
        var options = Read([]);
        Assert.Empty(options.Recipients);
        Assert.Empty(options.Chains);
    }

    [Theory]
    [InlineData("Dispatch:Recipients:0:Escalation:Next", "nobody", "escalates to 'nobody', which is not a configured recipient")]
    [InlineData("Dispatch:Recipients:0:Escalation:Next", "soc-quetta", "'soc-quetta' escalates to itself")]
    [InlineData("Dispatch:Recipients:0:Escalation:After", "soon", "Dispatch:Recipients:0 ('soc-quetta'):Escalation:After 'soon' is not a time span")]
    [InlineData("Dispatch:Recipients:0:Escalation:Repeat", "-1", "Repeat '-1' must be a whole number from 0 to 20")]
    [InlineData("Dispatch:Recipients:1:Url", "pager.example/ew", "Dispatch:Recipients:1 ('duty-manager'):Url 'pager.example/ew' is not an absolute http(s) URL")]
    [InlineData("Dispatch:Recipients:1:Url", "ftp://pager.example/ew", "is not an absolute http(s) URL")]
    [InlineData("Dispatch:Recipients:1:Name", "SOC-Quetta", "the name 'soc-quetta' is used by 2 recipients")]
    [InlineData("Dispatch:Recipients:1:Name", "duty manager", "Dispatch:Recipients:1:Name 'duty manager' must be 1 to 64 letters")]
    [InlineData("Dispatch:Recipients:1:Secret", "short", "Secret must be set, at least 16 characters")]
    [InlineData("Dispatch:Recipients:0:Filter:MinimumSeverity", "High", "MinimumSeverity 'High' is not a CAP severity")]
    [InlineData("Dispatch:Attempts", "0", "Dispatch:Attempts '0' must be a whole number from 1 to 100")]
    [InlineData("Dispatch:BaseDelay", "00:02:00", "MaxDelay (00:01:00) must not be shorter than BaseDelay (00:02:00)")]
    [InlineData("Dispatch:MaxDelay", "00:00:01", "must not be shorter than BaseDelay")]
    [InlineData("Dispatch:CircuitBreaker:BreakDuration", "00:00:00.100", "BreakDuration 00:00:00.1000000 is out of range")]
    [InlineData("Dispatch:CircuitBreaker:FailureRatio", "2", "FailureRatio '2' must be a number from 0.01 to 1")]
    [InlineData("Dispatch:MaxAge", "forever", "Dispatch:MaxAge 'forever' is not a time span")]
    [InlineData("Dispatch:PublicUrl", "/relative", "Dispatch:PublicUrl '/relative' is not an absolute http(s) URL")]
    public void a_bad_setting_stops_the_dispatch_naming_the_setting_and_what_is_wrong(string key, string value, string message)
    {
        var settings = Valid();
        settings[key] = value;
        var error = Assert.Throws<ArgumentException>(() => Read(settings));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void an_escalation_cycle_is_refused_with_the_chain()
    {
        var settings = Valid();
        settings["Dispatch:Recipients:1:Escalation:After"] = "00:10:00";
        settings["Dispatch:Recipients:1:Escalation:Next"] = "soc-quetta";
        var error = Assert.Throws<ArgumentException>(() => Read(settings));
        Assert.Contains("the escalation chain soc-quetta → duty-manager → soc-quetta is a cycle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void a_chain_is_unrolled_into_its_hops_and_repeats_from_the_first_recipients_next_after_the_first_recipients_delay()
    {
        var settings = Valid();
        settings["Dispatch:Recipients:0:Escalation:Repeat"] = "1";
        settings["Dispatch:Recipients:1:Escalation:After"] = "00:05:00";
        settings["Dispatch:Recipients:1:Escalation:Next"] = "director";
        settings["Dispatch:Recipients:2:Name"] = "director";
        settings["Dispatch:Recipients:2:Url"] = "https://director.example/ew";
        settings["Dispatch:Recipients:2:Secret"] = "whsec_director_0123456789";

        var options = Read(settings);

        Assert.Equal(
            ["soc-quetta→duty-manager 00:15:00", "duty-manager→director 00:05:00", "director→duty-manager 00:15:00", "duty-manager→director 00:05:00"],
            options.Chains["soc-quetta"].Select(s => $"{s.From}→{s.To} {s.Delay}"));
        Assert.Equal(["duty-manager→director 00:05:00"], options.Chains["duty-manager"].Select(s => $"{s.From}→{s.To} {s.Delay}"));
    }

    [Fact]
    public async Task the_service_exits_with_2_and_one_line_naming_the_bad_setting()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ew-dispatch-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        using var service = ChildProcess.Start(BuiltProgram.Locate("src", "EarlyWarning.Dispatch.Service"), [], folder, new Dictionary<string, string>
        {
            ["EventStore__Sqlite__Path"] = Path.Combine(folder, "store.db"),
            ["Urls"] = $"http://127.0.0.1:{Ports.Free()}",
            ["Dispatch__Recipients__0__Name"] = "soc-quetta",
            ["Dispatch__Recipients__0__Url"] = "https://soc.example/hooks/ew",
            ["Dispatch__Recipients__0__Secret"] = "whsec_0123456789abcdef",
            ["Dispatch__Recipients__0__Escalation__After"] = "00:15:00",
            ["Dispatch__Recipients__0__Escalation__Next"] = "duty-manager",
        });

        Assert.Equal(2, await service.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        var line = Assert.Single(service.Errors);
        Assert.StartsWith("dispatch: Dispatch:Recipients: 'soc-quetta' escalates to 'duty-manager', which is not a configured recipient", line, StringComparison.Ordinal);
    }
}
