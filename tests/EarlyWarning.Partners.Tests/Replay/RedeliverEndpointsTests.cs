using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EarlyWarning.Contracts.Partners;
using EarlyWarning.Dispatch.Tests;
using EarlyWarning.EventStore;
using EarlyWarning.Partners.Tests.Channels.Webhooks;
using EarlyWarning.Partners.Tests.Http;
using EarlyWarning.ServiceDefaults.Security;
using EarlyWarning.Testing;
using EarlyWarning.Warnings.Tests.Http;

namespace EarlyWarning.Partners.Tests.Replay;

/// <summary><c>POST /api/partners/{name}/redeliver</c> by webhook: the same ids again, the live checkpoint left alone, the operator recorded.</summary>
public sealed class RedeliverEndpointsTests : IAsyncLifetime
{
    private const string AdminKey = "ew_test_admin_key";
    private Receiver _receiver = null!;
    private WebhooksApp _app = null!;
    private List<JsonElement> _feed = null!;

    public async Task InitializeAsync()
    {
        _receiver = await Receiver.StartAsync();
        _app = await WebhooksApp.StartAsync(_receiver, new Dictionary<string, ReceiverEndpoint> { ["kp-incidents"] = new("whsec_partner_0123456789") },
            new Dictionary<string, string?>
            {
                ["Auth:Keys:2:Name"] = "partner-admin",
                ["Auth:Keys:2:Sha256"] = ApiKeys.Hash(AdminKey),
                ["Auth:Keys:2:Scopes:0"] = ApiScopes.Admin,
            });
        await _app.ReportAsync(KpReports.In("peshawar-1", "Peshawar"));
        await _app.ReportAsync(Reports.Kech("kech-1"));
        await _app.ReportAsync(KpReports.In("swat-1", "Swat", daysBefore: 2));
        await _app.ReportAsync(KpReports.In("mardan-1", "Mardan", daysBefore: 4));
        await _app.AcceptedAsync("kp-incidents", 3);
        _feed = await _app.FeedAsync(PartnersApp.KpIncidents);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task redelivery_after_a_position_resends_the_same_events_and_records_who_asked()
    {
        var checkpoint = await _app.CheckpointAsync("kp-incidents");
        var after = _feed[0].GetProperty("position").GetInt64();
        var head = (await _app.Store.GetHeadPositionAsync()).Value;

        using var response = await _app.PostAsync("/api/partners/kp-incidents/redeliver", $$"""{"channel":"webhook","after":{{after}}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("webhook", "kp-incidents", after, head, 2),
            (result.GetProperty("channel").GetString(), result.GetProperty("partner").GetString(), result.GetProperty("after").GetInt64(),
             result.GetProperty("through").GetInt64(), result.GetProperty("events").GetInt32()));
        var again = _app.Accepted("kp-incidents").Skip(3).ToList();
        Assert.Equal(_feed.Skip(1).Select(e => e.GetRawText()), again.Select(r => r.Body.GetRawText()));
        Assert.Equal(_feed.Skip(1).Select(e => e.GetProperty("id").GetString()), again.Select(r => r.IdempotencyKey));
        Assert.All(again, r => Assert.True(r.SignatureValid));
        Assert.Equal(checkpoint, await _app.CheckpointAsync("kp-incidents"));
        var audit = Assert.IsType<PartnerRedelivered>(Assert.Single(await _app.Store.EventsAsync(_app.Registry, PartnerStreams.Partner("kp-incidents"))));
        Assert.Equal(("kp-incidents", "webhook", "duty-officer", (DateTimeOffset?)null, after, head, 2, (string?)null),
            (audit.Partner, audit.Channel, audit.By, audit.Since, audit.After, audit.Through, audit.Events, audit.Error));
    }

    [Fact]
    public async Task ew_partners_redeliver_asks_the_service_and_prints_what_it_sent()
    {
        var after = _feed[0].GetProperty("position").GetInt64();
        var head = (await _app.Store.GetHeadPositionAsync()).Value;
        var ew = BuiltProgram.Locate("src", "EarlyWarning.Cli", assemblyName: "ew");
        string[] args = ["partners", "redeliver", "--partner", "kp-incidents", "--channel", "webhook", "--after", $"{after}", "--url", _app.Http.BaseAddress!.ToString()];

        using var done = ChildProcess.Start(ew, args, Repository.Root, new Dictionary<string, string> { ["EW_API_KEY"] = TestApiKeys.Operator });
        using var refused = ChildProcess.Start(ew, [.. args, "--key", TestApiKeys.Source], Repository.Root);

        Assert.Equal(0, await done.WaitForExitAsync(TimeSpan.FromMinutes(1)));
        Assert.Equal($"Done: 2 events to kp-incidents over webhook, positions after {after} through {head}.", Assert.Single(done.Output));
        Assert.Equal(1, await refused.WaitForExitAsync(TimeSpan.FromMinutes(1)));
        Assert.StartsWith("ew: 403 Not allowed for this key", Assert.Single(refused.Errors), StringComparison.Ordinal);
        Assert.Equal(5, _app.Accepted("kp-incidents").Count);
        var audit = Assert.IsType<PartnerRedelivered>(Assert.Single(await _app.Store.EventsAsync(_app.Registry, PartnerStreams.Partner("kp-incidents"))));
        Assert.Equal(("duty-officer", after, 2), (audit.By, audit.After, audit.Events));
    }

    [Fact]
    public async Task redelivery_since_a_time_starts_after_the_last_event_recorded_before_it()
    {
        var second = _feed[1].GetProperty("position").GetInt64();
        var since = _feed[1].GetProperty("time").GetDateTimeOffset();
        var lastBefore = 0L;
        await foreach (var recorded in _app.Store.ReadAllAsync(GlobalPosition.Start, second))
        {
            if (recorded.RecordedAt < since)
                lastBefore = recorded.Position.Value;
        }

        using var response = await _app.PostAsync("/api/partners/kp-incidents/redeliver", $$"""{"channel":"webhook","since":"{{since:O}}"}""", AdminKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((lastBefore, 2), (result.GetProperty("after").GetInt64(), result.GetProperty("events").GetInt32()));
        Assert.Equal(_feed.Skip(1).Select(e => e.GetProperty("id").GetString()), _app.Accepted("kp-incidents").Skip(3).Select(r => r.IdempotencyKey));
        var audit = Assert.IsType<PartnerRedelivered>(Assert.Single(await _app.Store.EventsAsync(_app.Registry, PartnerStreams.Partner("kp-incidents"))));
        Assert.Equal(("partner-admin", since, lastBefore), (audit.By, audit.Since, audit.After));
    }

    [Theory]
    [InlineData("kp-incidents", """{"channel":"sms","after":0}""", null, 400, "The re-delivery is not valid")]
    [InlineData("kp-incidents", """{"channel":"webhook"}""", null, 400, "The re-delivery is not valid")]
    [InlineData("kp-incidents", """{"channel":"webhook","after":0,"since":"2026-01-30T00:00:00Z"}""", null, 400, "The re-delivery is not valid")]
    [InlineData("kp-incidents", """{"channel":"webhook","since":"yesterday"}""", null, 400, "The re-delivery is not valid")]
    [InlineData("kp-incidents", """{"channel":"webhook","after":-1}""", null, 400, "The re-delivery is not valid")]
    [InlineData("kp-incidents", """{"channel":"webhook","after":"ten"}""", null, 400, "The re-delivery is not valid")]
    [InlineData("kp-incidents", """{"channel":"webhook","from":0}""", null, 400, "The re-delivery is not valid")]
    [InlineData("kp-incidents", """{"channel":"webhook",""", null, 400, "The body is not valid JSON")]
    [InlineData("nobody", """{"channel":"webhook","after":0}""", null, 404, "Unknown partner")]
    [InlineData("kp-incidents", """{"channel":"amqp","after":0}""", null, 409, "Channel not available")]
    [InlineData("turbat-town", """{"channel":"webhook","after":0}""", null, 409, "Channel not serving this partner")]
    [InlineData("kp-incidents", """{"channel":"webhook","after":0}""", "none", 401, "API key required")]
    [InlineData("kp-incidents", """{"channel":"webhook","after":0}""", PartnersApp.KpIncidents, 403, "Not allowed for this key")]
    [InlineData("kp-incidents", """{"channel":"webhook","after":0}""", TestApiKeys.Source, 403, "Not allowed for this key")]
    public async Task a_bad_request_is_a_problem_and_sends_and_records_nothing(string partner, string body, string? key, int status, string title)
    {
        var received = _receiver.For("kp-incidents").Count;

        using var response = await _app.PostAsync($"/api/partners/{partner}/redeliver", body, key switch { null => TestApiKeys.Operator, "none" => null, _ => key });

        await Problem.AssertAsync(response, (HttpStatusCode)status, title);
        Assert.Equal(received, _receiver.For("kp-incidents").Count);
        Assert.Empty(await _app.Store.EventsAsync(_app.Registry, PartnerStreams.Partner(partner)));
    }
}
