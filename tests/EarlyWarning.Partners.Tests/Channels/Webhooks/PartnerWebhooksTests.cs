using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EarlyWarning.Contracts.Partners;
using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.Dispatch.Tests;
using EarlyWarning.Partners.Tests.Http;
using EarlyWarning.Testing;
using EarlyWarning.Warnings.Tests.Http;

namespace EarlyWarning.Partners.Tests.Channels.Webhooks;

/// <summary>Live webhook delivery to partners: signed, in store order, as the feed shows each partner, with retries, dead letters and checkpoints.</summary>
public sealed class PartnerWebhooksTests : IAsyncLifetime
{
    private const string Secret = "whsec_partner_0123456789";
    private Receiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await Receiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task entitled_events_arrive_signed_in_store_order_exactly_as_the_feed_shows_them()
    {
        await using var app = await WebhooksApp.StartAsync(_receiver, new Dictionary<string, ReceiverEndpoint>
        {
            ["kp-incidents"] = new(Secret),
            ["kp-trusted"] = new(Secret + "-trusted"),
            ["bal-warnings"] = new(Secret + "-bal"),
        });
        await app.ReportAsync(KpReports.In("peshawar-1", "Peshawar"));
        await app.ReportAsync(Reports.Kech("kech-1"));
        await app.ReportAsync(KpReports.In("swat-1", "Swat", daysBefore: 2));
        var balochistan = SampleWarnings.Coordinated();
        await app.AppendAsync(balochistan, 1);
        await app.AppendAsync(SampleWarnings.Coordinated(province: "khyber-pakhtunkhwa"), 1);
        await app.AppendAsync(balochistan with { Severity = CapSeverity.Extreme }, 2);
        await app.ReportAsync(KpReports.In("mardan-1", "Mardan", daysBefore: 4));

        foreach (var (partner, key, count) in new[] { ("kp-incidents", PartnersApp.KpIncidents, 3), ("kp-trusted", PartnersApp.KpWithSources, 3), ("bal-warnings", PartnersApp.BalochistanWarnings, 2) })
        {
            await app.AcceptedAsync(partner, count);
            var feed = await app.FeedAsync(key);
            var received = _receiver.For(partner);
            Assert.All(received, r => Assert.True(r.SignatureValid, $"{partner}: a request's signature does not verify with its secret"));
            Assert.Equal(feed.Select(e => e.GetProperty("id").GetString()), received.Select(r => r.IdempotencyKey));
            foreach (var (expected, actual) in feed.Zip(received))
                Assert.Equal(expected.GetRawText(), actual.Body.GetRawText());
        }
        // The redaction is the feed's: one partner sees who reported, the other does not.
        Assert.All(_receiver.For("kp-incidents"), r => Assert.False(r.Body.GetProperty("data").GetProperty("incident").TryGetProperty("sources", out _)));
        Assert.All(_receiver.For("kp-trusted"), r => Assert.True(r.Body.GetProperty("data").GetProperty("incident").TryGetProperty("sources", out _)));
        Assert.Empty(_receiver.For("turbat-town"));
    }

    [Fact]
    public async Task a_receiver_failing_for_a_while_gets_everything_in_order_once_it_recovers()
    {
        await using var app = await WebhooksApp.StartAsync(_receiver, new Dictionary<string, ReceiverEndpoint>
        {
            ["kp-incidents"] = new(Secret) { FailFirst = 6, FailStatus = 503 },
        });
        await app.ReportAsync(KpReports.In("peshawar-1", "Peshawar"));
        await app.ReportAsync(KpReports.In("swat-1", "Swat", daysBefore: 2));
        await app.ReportAsync(KpReports.In("mardan-1", "Mardan", daysBefore: 4));

        await app.AcceptedAsync("kp-incidents", 3);

        var feed = await app.FeedAsync(PartnersApp.KpIncidents);
        var received = _receiver.For("kp-incidents");
        Assert.Equal(6, received.Count(r => r.Status == 503));
        Assert.All(received.Take(6), r => Assert.Equal(feed[0].GetProperty("id").GetString(), r.IdempotencyKey));
        Assert.Equal(feed.Select(e => e.GetProperty("id").GetString()), app.Accepted("kp-incidents").Select(r => r.IdempotencyKey));
        Assert.Empty(await app.Store.EventsAsync(app.Registry, PartnerStreams.Partner("kp-incidents")));
    }

    [Fact]
    public async Task a_partner_whose_receiver_keeps_failing_holds_back_no_other_partner()
    {
        await using var app = await WebhooksApp.StartAsync(_receiver, new Dictionary<string, ReceiverEndpoint>
        {
            ["kp-incidents"] = new(Secret) { FailFirst = int.MaxValue, FailStatus = 503 },
            ["kp-trusted"] = new(Secret),
        }, new Dictionary<string, string?> { ["PartnerWebhooks:Attempts"] = "100", ["PartnerWebhooks:MaxDelay"] = "00:00:01" });
        await app.ReportAsync(KpReports.In("peshawar-1", "Peshawar"));
        await app.ReportAsync(KpReports.In("swat-1", "Swat", daysBefore: 2));
        await app.ReportAsync(KpReports.In("mardan-1", "Mardan", daysBefore: 4));

        await app.AcceptedAsync("kp-trusted", 3);

        var stuck = _receiver.For("kp-incidents");
        Assert.NotEmpty(stuck);
        Assert.Single(stuck.Select(r => r.IdempotencyKey).Distinct());
        Assert.Empty(await app.Store.EventsAsync(app.Registry, PartnerStreams.Partner("kp-incidents")));
    }

    [Fact]
    public async Task a_refused_event_is_dead_lettered_and_the_events_after_it_are_delivered()
    {
        await using var app = await WebhooksApp.StartAsync(_receiver, new Dictionary<string, ReceiverEndpoint>
        {
            ["kp-incidents"] = new(Secret) { FailFirst = 1, FailStatus = 400 },
        });
        await app.ReportAsync(KpReports.In("peshawar-1", "Peshawar"));
        await app.ReportAsync(KpReports.In("swat-1", "Swat", daysBefore: 2));
        await app.ReportAsync(KpReports.In("mardan-1", "Mardan", daysBefore: 4));

        await app.AcceptedAsync("kp-incidents", 2);

        var feed = await app.FeedAsync(PartnersApp.KpIncidents);
        var ids = feed.Select(e => e.GetProperty("id").GetString()).ToList();
        Assert.Equal(ids, _receiver.For("kp-incidents").Select(r => r.IdempotencyKey));
        Assert.Equal(ids.Skip(1), app.Accepted("kp-incidents").Select(r => r.IdempotencyKey));
        var dead = Assert.IsType<PartnerDeliveryFailed>(Assert.Single(await app.Store.EventsAsync(app.Registry, PartnerStreams.Partner("kp-incidents"))));
        Assert.Equal(("kp-incidents", "webhook", ids[0], feed[0].GetProperty("position").GetInt64(), 1, 400),
            (dead.Partner, dead.Channel, dead.EventId.ToString(), dead.Position, dead.Attempts, dead.StatusCode));

        using var listed = await app.GetAsync("/api/partners/kp-incidents/deliveries?state=dead");
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        var list = await listed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(ids[0], Assert.Single(list.GetProperty("deliveries").EnumerateArray().ToList()).GetProperty("eventId").GetString());
        using var asPartner = await app.GetAsync("/api/partners/kp-incidents/deliveries?state=dead", PartnersApp.KpIncidents);
        Assert.Equal(HttpStatusCode.Forbidden, asPartner.StatusCode);
    }

    [Fact]
    public async Task a_restart_resumes_after_the_checkpoint_and_sends_nothing_twice()
    {
        await using var app = await WebhooksApp.StartAsync(_receiver, new Dictionary<string, ReceiverEndpoint>
        {
            ["bal-warnings"] = new(Secret),
        });
        var first = SampleWarnings.Coordinated();
        await app.AppendAsync(first, 1);
        await app.AppendAsync(first with { Severity = CapSeverity.Extreme }, 2);
        await app.AcceptedAsync("bal-warnings", 2);
        await app.StopAsync();

        // Recorded while the service is down: a webhook that started at the head again would never send these.
        var second = SampleWarnings.Coordinated();
        await app.AppendWhileStoppedAsync(SampleWarnings.Raised(second), SampleWarnings.Updated(second with { Severity = CapSeverity.Extreme }, 2));
        await app.StartAsync();
        await app.AppendAsync(first with { Severity = CapSeverity.Moderate }, 3);

        await app.AcceptedAsync("bal-warnings", 5);
        var keys = _receiver.For("bal-warnings").Select(r => r.IdempotencyKey).ToList();
        Assert.Equal(keys.Distinct(), keys);
        Assert.Equal((await app.FeedAsync(PartnersApp.BalochistanWarnings)).Select(e => e.GetProperty("id").GetString()), keys);
    }
}
