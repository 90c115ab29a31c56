using System.Globalization;
using System.Net;
using EarlyWarning.Testing;
using EarlyWarning.Warnings.Tests.Http;

namespace EarlyWarning.Partners.Tests.Http;

/// <summary>The live feed: caught up from a position, then followed; resumed after <c>Last-Event-ID</c>.</summary>
public sealed class FeedLiveTests : IAsyncLifetime
{
    private PartnersApp _app = null!;

    public async Task InitializeAsync() => _app = await PartnersApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task an_entitled_event_appended_after_connecting_is_delivered_and_others_are_not()
    {
        var before = await _app.ReportAsync(KpReports.In("kp-1", daysBefore: 0));
        using var live = await SseClient.OpenAsync(_app.Http, _app.Get("/api/feed/live", PartnersApp.KpIncidents));
        Assert.Equal(before, IncidentId(await NextEventAsync(live)));

        await _app.ReportAsync(Reports.In("kech-1", "Kech", null, 1, Reports.Attack));
        var after = await _app.ReportAsync(KpReports.In("kp-2", daysBefore: 1));

        var delivered = await NextEventAsync(live);
        Assert.Equal(after, IncidentId(delivered));
        Assert.False(delivered.Data.GetProperty("data").GetProperty("incident").TryGetProperty("sources", out _));
        Assert.Equal(delivered.Id, delivered.Data.GetProperty("position").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task a_client_resumes_after_its_last_event_id()
    {
        await _app.ReportAsync(KpReports.In("kp-1", daysBefore: 0));
        var second = await _app.ReportAsync(KpReports.In("kp-2", daysBefore: 1));
        string lastId;
        using (var live = await SseClient.OpenAsync(_app.Http, _app.Get("/api/feed/live?from=0", PartnersApp.KpIncidents)))
            lastId = (await NextEventAsync(live)).Id!;

        var third = await _app.ReportAsync(KpReports.In("kp-3", daysBefore: 2));
        var request = _app.Get("/api/feed/live", PartnersApp.KpIncidents);
        request.Headers.Add("Last-Event-ID", lastId);
        using var resumed = await SseClient.OpenAsync(_app.Http, request);

        Assert.Equal(second, IncidentId(await NextEventAsync(resumed)));
        Assert.Equal(third, IncidentId(await NextEventAsync(resumed)));
    }

    [Fact]
    public async Task following_live_a_client_is_told_within_a_keep_alive_how_far_it_has_read_past_what_it_does_not_get()
    {
        await using var app = await PartnersApp.StartAsync(settings: new Dictionary<string, string?> { ["PartnerFeed:KeepAliveSeconds"] = "0.2" });
        await app.ReportAsync(KpReports.In("kp-1", daysBefore: 0));
        using var live = await SseClient.OpenAsync(app.Http, app.Get("/api/feed/live", PartnersApp.KpIncidents));
        var delivered = await NextEventAsync(live);

        // Reports elsewhere: the feed reads them (their incident events are in the streams it follows), the partner does not get them.
        await app.ReportAsync(Reports.In("kech-1", "Kech", null, 1, Reports.Attack));
        await app.ReportAsync(Reports.In("kech-2", "Kech", null, 1, Reports.Attack));
        var head = (await app.Store.GetHeadPositionAsync()).Value;
        var ids = new List<long> { long.Parse(delivered.Id!, CultureInfo.InvariantCulture) };
        while (ids[^1] < head)
        {
            var marker = await live.NextAsync();
            Assert.Equal("caught-up", marker.Event);
            ids.Add(long.Parse(marker.Id!, CultureInfo.InvariantCulture));
            Assert.Equal(ids[^1], marker.Data.GetProperty("position").GetInt64());
        }
        Assert.Equal(head, ids[^1]);
        Assert.Equal(ids.Order().Distinct(), ids);

        // Resumed from the marker, the client gets what comes next, and nothing it was already past.
        var request = app.Get("/api/feed/live", PartnersApp.KpIncidents);
        request.Headers.Add("Last-Event-ID", ids[^1].ToString(CultureInfo.InvariantCulture));
        using var resumed = await SseClient.OpenAsync(app.Http, request);
        var next = await app.ReportAsync(KpReports.In("kp-2", daysBefore: 1));
        Assert.Equal(next, IncidentId(await NextEventAsync(resumed)));
    }

    [Fact]
    public async Task an_operator_key_is_refused_before_the_stream_opens()
    {
        using var response = await _app.Http.SendAsync(_app.Get("/api/feed/live", TestApiKeys.Operator));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task a_bad_last_event_id_is_400()
    {
        var request = _app.Get("/api/feed/live", PartnersApp.KpIncidents);
        request.Headers.Add("Last-Event-ID", "yesterday");
        using var response = await _app.Http.SendAsync(request);
        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "The query is not valid");
        Assert.True(problem.GetProperty("errors").TryGetProperty("Last-Event-ID", out _));
    }

    /// <summary>The next feed event, past the <c>caught-up</c> markers.</summary>
    private static async Task<(string? Id, string Event, System.Text.Json.JsonElement Data)> NextEventAsync(SseClient live)
    {
        while (true)
        {
            var next = await live.NextAsync();
            if (next.Event != "caught-up")
                return next;
        }
    }

    private static string IncidentId((string? Id, string Event, System.Text.Json.JsonElement Data) e) =>
        e.Data.GetProperty("data").GetProperty("incidentId").GetString()!;
}
