using System.Text.Json;
using System.Text.Json.Nodes;
using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.Partners.Tests.Entitlements;
using EarlyWarning.Partners.Tests.Http;
using EarlyWarning.Warnings.Tests.Http;

namespace EarlyWarning.Partners.Tests.Channels.Amqp;

/// <summary>
/// The entitlement matrix over AMQP, on the same data as the feed's tests: each partner's queue holds exactly what it
/// is entitled to, redacted as agreed, and exactly what the HTTP feed gives the same partner.
/// </summary>
public sealed class RelayEntitlementTests : IAsyncLifetime
{
    private RelayApp _app = null!;
    private EntitlementMatrix _matrix = null!;

    public async Task InitializeAsync()
    {
        _app = await RelayApp.StartAsync();
        _matrix = await EntitlementMatrix.SeedAsync(_app.ReportAsync, _app.AppendAsync);
        // A second report of the same Swat attack: a corroboration, also an incident event.
        await _app.ReportAsync(KpReports.In("swat-2", "Swat") with { SourceId = "geo" });
        await _app.CaughtUpAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task a_partner_entitled_to_balochistan_warnings_gets_exactly_those_and_no_source_id()
    {
        var messages = await _app.Queues.DrainAsync("bal-warnings");

        Assert.Equal(["V1.WarningRaised", "V1.WarningUpdated"], messages.Select(m => m.CloudEvent.GetProperty("type").GetString()));
        Assert.All(messages, m => Assert.Equal("warning-" + _matrix.Warnings["balochistan"], m.CloudEvent.GetProperty("subject").GetString()));
        Assert.All(messages, m => Assert.DoesNotContain("police-kech", m.CloudEvent.GetRawText(), StringComparison.Ordinal));
        Assert.Equal(["warning.balochistan.none.severe", "warning.balochistan.none.extreme"], messages.Select(m => m.RoutingKey));
    }

    [Fact]
    public async Task a_partner_entitled_to_kp_incidents_gets_only_those_redacted()
    {
        var messages = await _app.Queues.DrainAsync("kp-incidents");

        Assert.Equal([_matrix.Incidents["peshawar"], _matrix.Incidents["swat"], _matrix.Incidents["swat"]], messages.Select(m => m.Data.GetProperty("incidentId").GetString()));
        Assert.Equal(["V1.IncidentRecorded", "V1.IncidentRecorded", "V1.IncidentCorroborated"], messages.Select(m => m.CloudEvent.GetProperty("type").GetString()));
        foreach (var m in messages)
        {
            Assert.False(m.Data.GetProperty("incident").TryGetProperty("sources", out _));
            Assert.False(m.Data.GetProperty("report").TryGetProperty("sourceId", out _));
            Assert.False(m.Data.GetProperty("report").TryGetProperty("text", out _));
            foreach (var source in new[] { "police-kech", "dawn", "geo" })
                Assert.DoesNotContain($"\"{source}\"", m.CloudEvent.GetRawText(), StringComparison.Ordinal);
            Assert.StartsWith("incident.khyber-pakhtunkhwa.", m.RoutingKey, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task a_radius_partner_gets_only_incidents_inside_the_radius()
    {
        var messages = await _app.Queues.DrainAsync("turbat-town");

        // Tump is in the same district, about 65 km away: a binding by province or district could not leave it out.
        Assert.Equal([_matrix.Incidents["turbat"]], messages.Select(m => m.Data.GetProperty("incidentId").GetString()));
    }

    [Theory]
    [InlineData("bal-warnings")]
    [InlineData("kp-incidents")]
    [InlineData("turbat-town")]
    [InlineData("kp-trusted")]
    public async Task each_queue_holds_what_the_http_feed_gives_the_same_partner(string partner)
    {
        var feed = await _app.FeedAsync(partner);
        var messages = await _app.Queues.DrainAsync(partner);

        Assert.NotEmpty(feed);
        Assert.Equal(feed.Select(e => e.Id), messages.Select(m => m.Id));
        Assert.Equal(feed.Select(e => e.Position), messages.Select(m => m.Position));
        foreach (var (admitted, message) in feed.Zip(messages))
            Assert.True(JsonNode.DeepEquals(admitted.Data, JsonNode.Parse(message.Data.GetRawText())), $"{admitted.Id}: feed {admitted.Data.ToJsonString()} vs queue {message.Data.GetRawText()}");
    }

    [Fact]
    public async Task a_partner_allowed_source_identities_and_notes_gets_them()
    {
        var messages = await _app.Queues.DrainAsync("kp-trusted");

        Assert.Equal(["police-kech", "dawn", "dawn"], messages.Select(m => m.Data.GetProperty("incident").GetProperty("sources")[0].GetString()));
        Assert.Equal("geo", messages[^1].Data.GetProperty("report").GetProperty("sourceId").GetString());
    }
}
