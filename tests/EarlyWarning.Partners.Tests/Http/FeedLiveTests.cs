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
