using System.Text;
using EarlyWarning.Partners.Tests.Admin;
using EarlyWarning.ServiceDefaults.Security;

namespace EarlyWarning.Partners.Tests.Http;

/// <summary>The live feed says it is alive when there is nothing to send, so a quiet feed is told from a dead one.</summary>
public sealed class FeedKeepAliveTests : IAsyncLifetime
{
    private AdminApp _app = null!;

    public async Task InitializeAsync() =>
        _app = await AdminApp.StartAsync(settings: new Dictionary<string, string?> { ["PartnerFeed:KeepAliveSeconds"] = "0.2" });

    public async Task DisposeAsync() => await _app.DisposeAndDeleteAsync();

    [Fact]
    public async Task a_quiet_live_feed_writes_keep_alive_comments_at_the_configured_interval()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/feed/live");
        request.Headers.Add(ApiKeys.HeaderName, PartnersApp.KpIncidents);
        using var response = await _app.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(), Encoding.UTF8);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        // The store is empty: after the opening comment and the caught-up marker, only keep-alives can come.
        var keepAlives = 0;
        var lines = new List<string>();
        while (keepAlives < 3)
        {
            var line = await reader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException(string.Join('\n', lines));
            lines.Add(line);
            if (line == ": keep-alive")
                keepAlives++;
        }
        Assert.Equal(3, lines.Count(l => l == ": keep-alive"));
        Assert.DoesNotContain(lines, l => l.StartsWith("data:", StringComparison.Ordinal) && !l.Contains("position", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("soon")]
    [InlineData("3601")]
    public async Task a_bad_interval_stops_the_service_at_start_with_the_setting(string value)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => AdminApp.StartAsync(settings: new Dictionary<string, string?> { ["PartnerFeed:KeepAliveSeconds"] = value }));
        Assert.Contains("PartnerFeed:KeepAliveSeconds", error.Message, StringComparison.Ordinal);
    }
}
