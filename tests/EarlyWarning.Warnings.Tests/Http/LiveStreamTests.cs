using System.Net;
using System.Text.Json;

namespace EarlyWarning.Warnings.Tests.Http;

public sealed class LiveStreamTests : IAsyncLifetime
{
    private WarningsApp _app = null!;

    public async Task InitializeAsync() => _app = await WarningsApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_client_following_from_a_position_gets_every_change_after_it_once_with_its_position_as_id()
    {
        var before = Warnings.Coordinated();
        var seen = await _app.AppendAsync(Warnings.Raised(before));
        var warning = Warnings.Coordinated();

        using var stream = await SseClient.OpenAsync(_app.Operator, $"/api/live?after={seen.Value}");
        var raised = await _app.AppendAsync(Warnings.Raised(warning));
        var updated = await _app.AppendAsync(Warnings.Updated(warning with { Severity = "Extreme" }, 2));

        var first = await stream.NextAsync();
        var second = await stream.NextAsync();
        Assert.Equal(("warning", raised.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)), (first.Event, first.Id));
        Assert.Equal(updated.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), second.Id);
        Assert.Equal(warning.WarningId, first.Data.GetProperty("warningId").GetString());
        Assert.Equal("Extreme", second.Data.GetProperty("warning").GetProperty("severity").GetString());
    }

    [Fact]
    public async Task A_reconnecting_browser_resumes_after_its_last_event_id_without_a_gap_or_a_repeat()
    {
        var a = Warnings.Coordinated();
        var b = Warnings.Coordinated();
        var first = await _app.AppendAsync(Warnings.Raised(a));
        await _app.AppendAsync(Warnings.Raised(b));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/live?after=0");
        request.Headers.Add("Last-Event-ID", first.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var stream = await SseClient.OpenAsync(_app.Operator, request);

        var next = await stream.NextAsync();
        Assert.Equal(b.WarningId, next.Data.GetProperty("warningId").GetString());
    }

    [Fact]
    public async Task Incidents_are_streamed_as_they_are_recorded()
    {
        using var stream = await SseClient.OpenAsync(_app.Operator, $"/api/live?after={(await _app.Store.GetHeadPositionAsync()).Value}");

        var outcome = await _app.Ingest.ReportAsync(Reports.Kech(), null);

        var change = await stream.NextAsync();
        Assert.Equal(("incident", outcome.IncidentId), (change.Event, change.Data.GetProperty("incidentId").GetString()));
    }

    [Fact]
    public async Task A_position_that_is_not_a_number_is_a_validation_problem()
    {
        using var response = await _app.Operator.GetAsync("/api/live?after=latest");

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "The query is not valid");
    }
}
