using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EarlyWarning.Contracts.Reports;
using EarlyWarning.Contracts.Vocabulary;

namespace EarlyWarning.Warnings.Tests.Http;

public sealed class PictureTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Attack = Reports.Attack;

    private WarningsApp _app = null!;

    public async Task InitializeAsync() => _app = await WarningsApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_picture_as_known_at_T_leaves_out_corrections_late_reports_and_warnings_recorded_after_T()
    {
        var kech = Report("kech-1", "Kech", "Tump", killed: 2);
        await ReportAsync(kech);
        var warning = Warnings.Coordinated();
        await _app.AppendAsync(Warnings.Raised(warning));
        var known = await PositionAsync();
        var t = DateTimeOffset.UtcNow;
        await Task.Delay(50);

        // Recorded after T: a casualty correction of the Kech attack, a late report of an earlier attack in
        // Gwadar (it occurred before T, but nobody knew of it then), and the warning's update.
        var corrected = await _app.Ingest.CorrectAsync(new IncidentCorrected("police-kech", "kech-1", "C-1", Attack.AddHours(5),
            new Casualties(SecurityForces: new SideCasualties(7, 3))), null);
        Assert.True(corrected.IsAccepted, string.Join("; ", corrected.Errors));
        await ReportAsync(Report("gwadar-1", "Gwadar", null, killed: 1, occurredAt: Attack.AddHours(-2)));
        await _app.AppendAsync(Warnings.Updated(warning with { Severity = "Extreme" }, 2));

        var then = await PictureAsync($"/api/picture?asOf={Uri.EscapeDataString(t.ToString("O"))}");
        var incident = Assert.Single(then.GetProperty("incidents").EnumerateArray());
        Assert.Equal("Kech", incident.GetProperty("district").GetString());
        Assert.Equal(2, incident.GetProperty("killed").GetInt32());
        var warningThen = Assert.Single(then.GetProperty("warnings").EnumerateArray());
        Assert.Equal(("Severe", 1), (warningThen.GetProperty("warning").GetProperty("severity").GetString(), warningThen.GetProperty("version").GetInt32()));
        Assert.Equal(known, then.GetProperty("position").GetInt64());

        var now = await PictureAsync("/api/picture");
        var incidents = now.GetProperty("incidents").EnumerateArray().ToList();
        Assert.Equal(["Gwadar", "Kech"], incidents.Select(i => i.GetProperty("district").GetString()));
        Assert.Equal(7, incidents[1].GetProperty("killed").GetInt32());
        Assert.Equal("Extreme", Assert.Single(now.GetProperty("warnings").EnumerateArray()).GetProperty("warning").GetProperty("severity").GetString());
    }

    [Fact]
    public async Task Before_anything_was_recorded_the_picture_is_empty()
    {
        await ReportAsync(Report("kech-1", "Kech", "Tump", killed: 2));

        var before = await PictureAsync("/api/picture?asOf=2020-01-01T00:00Z");

        Assert.Empty(before.GetProperty("incidents").EnumerateArray());
        Assert.Empty(before.GetProperty("warnings").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, before.GetProperty("firstRecordedAt").ValueKind);
    }

    [Fact]
    public async Task A_retracted_incident_leaves_the_map()
    {
        await ReportAsync(Report("kech-1", "Kech", "Tump", killed: 2));
        var retracted = await _app.Ingest.RetractAsync(new IncidentRetracted("police-kech", "kech-1", Attack.AddHours(3), "Duplicate of another report"), null);
        Assert.True(retracted.IsAccepted, string.Join("; ", retracted.Errors));
        Assert.True(await _app.Board.WaitForAsync(retracted.Position!.Value, TimeSpan.FromSeconds(10), CancellationToken.None), "the board did not read to the position");

        Assert.Empty((await PictureAsync("/api/picture")).GetProperty("incidents").EnumerateArray());
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2026-13-01")]
    public async Task A_bad_time_is_a_validation_problem(string asOf)
    {
        using var response = await _app.Operator.GetAsync($"/api/picture?asOf={asOf}");

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "The query is not valid");
    }

    private async Task ReportAsync(IncidentReported report)
    {
        var outcome = await _app.Ingest.ReportAsync(report, null);
        Assert.True(outcome.IsAccepted, string.Join("; ", outcome.Errors));
        Assert.True(await _app.Board.WaitForAsync(outcome.Position!.Value, TimeSpan.FromSeconds(10), CancellationToken.None), "the board did not read to the position");
    }

    private async Task<long> PositionAsync() => (await _app.Store.GetHeadPositionAsync()).Value;

    private async Task<JsonElement> PictureAsync(string path) => await _app.Operator.GetFromJsonAsync<JsonElement>(path);

    private static IncidentReported Report(string reportId, string district, string? place, int killed, DateTimeOffset? occurredAt = null) =>
        Reports.In(reportId, district, place, killed, occurredAt);
}
