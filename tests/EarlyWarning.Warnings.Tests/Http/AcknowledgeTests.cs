using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EarlyWarning.Contracts.Soc;

namespace EarlyWarning.Warnings.Tests.Http;

public sealed class AcknowledgeTests : IAsyncLifetime
{
    private WarningsApp _app = null!;

    public async Task InitializeAsync() => _app = await WarningsApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task An_operator_acknowledges_a_warning_and_the_acknowledgement_is_recorded_with_who_what_and_which_version()
    {
        var warning = Warnings.Coordinated();
        await _app.AppendAsync(Warnings.Raised(warning));
        await _app.AppendAsync(Warnings.Updated(warning with { Severity = "Extreme" }, 2));

        using var response = await _app.Http.SendAsync(_app.Post($"/api/warnings/{warning.WarningId}/ack", """{"note":"QRF dispatched to Kech"}"""));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/warnings/{warning.WarningId}", response.Headers.Location!.OriginalString);
        var recorded = Assert.IsType<WarningAcknowledged>(Assert.Single(await _app.SocEventsAsync(warning.WarningId)));
        Assert.Equal((warning.WarningId, 2, WarningsApp.OperatorName, "QRF dispatched to Kech"), (recorded.WarningId, recorded.Version, recorded.By, recorded.Note));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(WarningsApp.OperatorName, body.GetProperty("by").GetString());

        // The list shows it at once: the endpoint waits for the board to fold its own write.
        var list = await _app.Operator.GetFromJsonAsync<JsonElement>("/api/warnings");
        var listed = list.GetProperty("warnings").EnumerateArray().Single(w => w.GetProperty("warningId").GetString() == warning.WarningId);
        Assert.Equal(WarningsApp.OperatorName, listed.GetProperty("acknowledgement").GetProperty("by").GetString());
    }

    [Fact]
    public async Task An_acknowledgement_needs_no_body_and_a_bearer_key_works_as_well_as_the_header()
    {
        var warning = Warnings.Coordinated();
        await _app.AppendAsync(Warnings.Raised(warning));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/warnings/{warning.WarningId}/ack");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", WarningsApp.OperatorKey);

        using var response = await _app.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var recorded = Assert.IsType<WarningAcknowledged>(Assert.Single(await _app.SocEventsAsync(warning.WarningId)));
        Assert.Null(recorded.Note);
    }

    [Fact]
    public async Task A_second_acknowledgement_is_a_conflict_that_names_the_first_and_records_nothing()
    {
        var warning = Warnings.Coordinated();
        await _app.AppendAsync(Warnings.Raised(warning));
        (await _app.Http.SendAsync(_app.Post($"/api/warnings/{warning.WarningId}/ack", """{"note":"first"}"""))).EnsureSuccessStatusCode();

        using var again = await _app.Http.SendAsync(_app.Post($"/api/warnings/{warning.WarningId}/ack", """{"note":"second"}"""));

        await Problem.AssertAsync(again, HttpStatusCode.Conflict, "Already acknowledged", WarningsApp.OperatorName);
        Assert.Single(await _app.SocEventsAsync(warning.WarningId));
    }

    [Fact]
    public async Task Operators_acknowledging_at_the_same_moment_record_one_acknowledgement()
    {
        var warning = Warnings.Coordinated();
        await _app.AppendAsync(Warnings.Raised(warning));

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            _app.Http.SendAsync(_app.Post($"/api/warnings/{warning.WarningId}/ack", $$"""{"note":"operator {{i}}"}"""))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Single(await _app.SocEventsAsync(warning.WarningId));
    }

    public static TheoryData<string, string?, string?, string, HttpStatusCode, string> BadRequests => new()
    {
        { "no key", null, """{"note":"x"}""", "application/json", HttpStatusCode.Unauthorized, "API key required" },
        { "unknown key", "ew_not_a_key", """{"note":"x"}""", "application/json", HttpStatusCode.Unauthorized, "Unknown API key" },
        { "a source's key", WarningsApp.SourceKey, """{"note":"x"}""", "application/json", HttpStatusCode.Forbidden, "Not allowed for this key" },
        { "not JSON", WarningsApp.OperatorKey, """{"note": """, "application/json", HttpStatusCode.BadRequest, "The body is not valid JSON" },
        { "a misspelt field", WarningsApp.OperatorKey, """{"notes":"x"}""", "application/json", HttpStatusCode.BadRequest, "The acknowledgement is not valid" },
        { "a note that is not text", WarningsApp.OperatorKey, """{"note":42}""", "application/json", HttpStatusCode.BadRequest, "The acknowledgement is not valid" },
        { "a note too long", WarningsApp.OperatorKey, $$"""{"note":"{{new string('x', 2001)}}"}""", "application/json", HttpStatusCode.BadRequest, "The acknowledgement is not valid" },
        { "not an object", WarningsApp.OperatorKey, "[1]", "application/json", HttpStatusCode.BadRequest, "The acknowledgement is not valid" },
        { "a form", WarningsApp.OperatorKey, "note=x", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType, "Unsupported media type" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_bad_acknowledgement_is_answered_with_problem_details_and_changes_nothing(string _, string? key, string? body, string contentType, HttpStatusCode status, string title)
    {
        var warning = Warnings.Coordinated();
        await _app.AppendAsync(Warnings.Raised(warning));
        var head = await _app.Store.GetHeadPositionAsync();

        using var response = await _app.Http.SendAsync(_app.Post($"/api/warnings/{warning.WarningId}/ack", body, key, contentType));

        await Problem.AssertAsync(response, status, title);
        Assert.Empty(await _app.SocEventsAsync(warning.WarningId));
        Assert.Equal(head, await _app.Store.GetHeadPositionAsync());
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("not-a-warning-id")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF")]
    public async Task Acknowledging_a_warning_that_does_not_exist_is_not_found_and_records_nothing(string id)
    {
        var head = await _app.Store.GetHeadPositionAsync();

        using var response = await _app.Http.SendAsync(_app.Post($"/api/warnings/{id}/ack", """{"note":"x"}"""));

        await Problem.AssertAsync(response, HttpStatusCode.NotFound, "No such warning");
        Assert.Equal(head, await _app.Store.GetHeadPositionAsync());
    }
}
