using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace EarlyWarning.Warnings.Tests.Http;

public sealed class WarningsQueryTests : IAsyncLifetime
{
    private WarningsApp _app = null!;

    public async Task InitializeAsync() => _app = await WarningsApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_list_shows_open_warnings_most_severe_first_and_filters_by_status_province_and_minimum_severity()
    {
        var severe = Warnings.Coordinated(severity: "Severe");
        var extreme = Warnings.Coordinated(severity: "Extreme");
        var kp = Warnings.Coordinated(province: "khyber-pakhtunkhwa", severity: "Moderate");
        var resolved = Warnings.Coordinated(severity: "Extreme");
        foreach (var warning in new[] { severe, extreme, kp, resolved })
            await _app.AppendAsync(Warnings.Raised(warning));
        await _app.AppendAsync(Warnings.Resolved(resolved, 2));

        Assert.Equal([extreme.WarningId, severe.WarningId, kp.WarningId], await IdsAsync("/api/warnings"));
        Assert.Equal([resolved.WarningId], await IdsAsync("/api/warnings?status=resolved"));
        Assert.Equal(4, (await IdsAsync("/api/warnings?status=all")).Count);
        Assert.Equal([kp.WarningId], await IdsAsync("/api/warnings?province=khyber-pakhtunkhwa"));
        Assert.Equal([extreme.WarningId, severe.WarningId], await IdsAsync("/api/warnings?severity=Severe"));
        Assert.Equal([extreme.WarningId], await IdsAsync("/api/warnings?severity=Extreme&province=balochistan"));
    }

    [Theory]
    [InlineData("/api/warnings")]
    [InlineData("/api/warnings?status=all")]
    [InlineData("/api/picture")]
    [InlineData("/api/picture?asOf=2026-01-31T06:00Z")]
    [InlineData("/api/live?after=0")]
    public async Task Every_read_needs_an_operators_key_and_a_source_key_is_not_one(string path)
    {
        var warning = Warnings.Coordinated();
        await _app.AppendAsync(Warnings.Raised(warning));

        foreach (var (key, status, title) in new[]
        {
            ((string?)null, HttpStatusCode.Unauthorized, "API key required"),
            ("ew_not_a_key", HttpStatusCode.Unauthorized, "Unknown API key"),
            (WarningsApp.SourceKey, HttpStatusCode.Forbidden, "Not allowed for this key"),
        })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path.Replace("/api/warnings?", $"/api/warnings/{warning.WarningId}?", StringComparison.Ordinal));
            if (key is not null)
                request.Headers.Add(ServiceDefaults.Security.ApiKeys.HeaderName, key);
            using var response = await _app.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            var problem = await Problem.AssertAsync(response, status, title);
            Assert.DoesNotContain(warning.WarningId, problem.GetRawText(), StringComparison.Ordinal);
        }
        using var allowed = await _app.Operator.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Theory]
    [InlineData("status=closed", "status")]
    [InlineData("province=baluchistan", "province")]
    [InlineData("severity=extreme", "severity")]
    public async Task A_bad_filter_is_a_validation_problem_naming_the_parameter(string query, string parameter)
    {
        using var response = await _app.Operator.GetAsync($"/api/warnings?{query}");

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "The query is not valid");
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task One_warning_comes_with_its_whole_history_from_both_its_streams_in_store_order()
    {
        var warning = Warnings.Coordinated();
        await _app.AppendAsync(Warnings.Raised(warning));
        (await _app.Http.SendAsync(_app.Post($"/api/warnings/{warning.WarningId}/ack", """{"note":"on it"}"""))).EnsureSuccessStatusCode();
        await _app.AppendAsync(Warnings.Updated(warning with { Severity = "Extreme", IncidentCount = 9 }, 2));
        await _app.AppendAsync(Warnings.Resolved(warning, 3));

        var body = await _app.Operator.GetFromJsonAsync<JsonElement>($"/api/warnings/{warning.WarningId}");

        var history = body.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["V1.WarningRaised", "V1.WarningAcknowledged", "V1.WarningUpdated", "V1.WarningResolved"], history.Select(h => h.GetProperty("type").GetString()));
        Assert.Equal(history.Select(h => h.GetProperty("position").GetInt64()).Order(), history.Select(h => h.GetProperty("position").GetInt64()));
        Assert.Equal("on it", history[1].GetProperty("data").GetProperty("note").GetString());
        var view = body.GetProperty("warning");
        Assert.Equal(3, view.GetProperty("version").GetInt32());
        Assert.Equal("resolved", view.GetProperty("event").GetString());
        Assert.Equal(1, view.GetProperty("acknowledgement").GetProperty("version").GetInt32());
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("x")]
    public async Task An_unknown_warning_is_not_found(string id)
    {
        using var response = await _app.Operator.GetAsync($"/api/warnings/{id}");

        await Problem.AssertAsync(response, HttpStatusCode.NotFound, "No such warning");
    }

    private async Task<List<string>> IdsAsync(string path)
    {
        var body = await _app.Operator.GetFromJsonAsync<JsonElement>(path);
        return body.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("warningId").GetString()!).ToList();
    }
}
