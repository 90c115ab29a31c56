using EarlyWarning.Warnings.Cap;
using Microsoft.Extensions.Configuration;

namespace EarlyWarning.Warnings.Tests.Cap;

public sealed class CapOptionsTests
{
    private static CapOptions From(params (string Key, string Value)[] settings) =>
        CapOptions.From(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create<string, string?>(s.Key, s.Value))).Build());

    [Fact]
    public void without_settings_the_sender_is_the_default_and_the_status_actual()
    {
        var options = From();
        Assert.Equal(CapOptions.DefaultSender, options.Sender);
        Assert.Equal(CapStatus.Actual, options.Status);
        Assert.Null(options.BaseUrl);
    }

    [Fact]
    public void the_demo_mode_setting_makes_every_message_an_exercise()
    {
        Assert.Equal(CapStatus.Exercise, From(("Cap:Status", "exercise")).Status);
    }

    [Theory]
    [InlineData("Cap:Sender", "soc team")]
    [InlineData("Cap:Sender", "a,b")]
    [InlineData("Cap:Sender", "a&b")]
    [InlineData("Cap:Status", "Test")]
    [InlineData("Cap:Status", "Real")]
    [InlineData("Cap:BaseUrl", "not a url")]
    [InlineData("Cap:BaseUrl", "ftp://example.org")]
    public void a_setting_cap_forbids_stops_the_service_with_the_setting_named(string key, string value)
    {
        var error = Assert.Throws<ArgumentException>(() => From((key, value)));
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }
}
