using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EarlyWarning.Contracts.Incidents;
using EarlyWarning.Contracts.Reports;
using EarlyWarning.EventStore;

namespace EarlyWarning.Ingest.Tests.Http;

public sealed class IngestEndpointsTests : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private IngestApp _app = null!;

    public async Task InitializeAsync() => _app = await IngestApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static JsonObject Valid() => JsonSerializer.SerializeToNode(Reports.Tump(), Web)!.AsObject();

    // Expect: 100-continue, as a careful client sends a large body: a refusal arrives before the body is sent.
    private Task<HttpResponseMessage> Post(string body, string path = "/api/incidents") =>
        _app.Http.SendAsync(new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
            Headers = { ExpectContinue = true },
        });

    [Fact]
    public async Task a_new_report_is_created_and_answered_with_its_incident()
    {
        var response = await Post(Valid().ToJsonString());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("recorded", body.GetProperty("status").GetString());
        var incident = await _app.Http.GetFromJsonAsync<JsonElement>(response.Headers.Location);
        Assert.Equal("Tump", incident.GetProperty("incident").GetProperty("location").GetProperty("place").GetString());
        Assert.Equal(1, incident.GetProperty("reports").GetArrayLength());
    }

    [Fact]
    public async Task the_senders_trace_continues_into_the_recorded_events_metadata()
    {
        const string traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/incidents") { Content = new StringContent(Valid().ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Add("traceparent", $"00-{traceId}-00f067aa0ba902b7-01");

        Assert.Equal(HttpStatusCode.Created, (await _app.Http.SendAsync(request)).StatusCode);

        var recorded = new List<RecordedEvent>();
        await foreach (var e in _app.Store.ReadAllAsync(GlobalPosition.Start, 10))
            recorded.Add(e);
        Assert.Equal(2, recorded.Count);
        Assert.All(recorded, e => Assert.Contains(traceId, e.Metadata.TraceParent, StringComparison.Ordinal));
        Assert.All(recorded, e => Assert.Equal("police-kech", e.Metadata.Source));
    }

    [Fact]
    public async Task a_report_sent_twice_is_answered_as_a_duplicate_naming_the_incident()
    {
        var body = Valid().ToJsonString();
        var first = await (await Post(body)).Content.ReadFromJsonAsync<JsonElement>();

        var second = await Post(body);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var answer = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("duplicate", answer.GetProperty("status").GetString());
        Assert.Equal(first.GetProperty("incidentId").GetString(), answer.GetProperty("incidentId").GetString());
    }

    [Fact]
    public async Task a_batch_answers_each_report_in_order()
    {
        var batch = new JsonArray(Valid(), JsonSerializer.SerializeToNode(Reports.Tump("dawn"), Web), JsonSerializer.SerializeToNode(Reports.In("Quetta"), Web));

        var response = await Post(batch.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results").EnumerateArray().Select(r => r.GetProperty("status").GetString()).ToList();
        Assert.Equal(["recorded", "corroborated", "recorded"], results);
    }

    public static TheoryData<string, string, HttpStatusCode, string> Malformed()
    {
        static string Spoil(Action<JsonObject> spoil)
        {
            var report = Valid();
            spoil(report);
            return report.ToJsonString();
        }
        return new()
        {
            { "invalid JSON", "{\"sourceId\": ", HttpStatusCode.BadRequest, "" },
            { "not an object", "42", HttpStatusCode.BadRequest, "$" },
            { "missing source", Spoil(r => r.Remove("sourceId")), HttpStatusCode.BadRequest, "sourceId" },
            { "missing location", Spoil(r => r.Remove("location")), HttpStatusCode.BadRequest, "location" },
            { "unknown district", Spoil(r => r["location"]!["district"] = "Atlantis"), HttpStatusCode.BadRequest, "location.district" },
            { "killed as text", Spoil(r => r["casualties"]!["securityForces"]!["killed"] = "two"), HttpStatusCode.BadRequest, "casualties.securityForces.killed" },
            { "time as a number", Spoil(r => r["occurredAt"] = 1738281600), HttpStatusCode.BadRequest, "occurredAt" },
            { "misspelt field", Spoil(r => r["occuredAt"] = "2026-01-30T23:40:00Z"), HttpStatusCode.BadRequest, "occuredAt" },
            { "occurred next year", Spoil(r => { r["occurredAt"] = DateTimeOffset.UtcNow.AddYears(1).ToString("O"); r["reportedAt"] = DateTimeOffset.UtcNow.AddYears(1).ToString("O"); }), HttpStatusCode.BadRequest, "occurredAt" },
            { "huge text", Spoil(r => r["text"] = new string('x', 200_000)), HttpStatusCode.BadRequest, "text" },
            { "empty batch", "[]", HttpStatusCode.BadRequest, "" },
            { "one bad report in a batch", new JsonArray(Valid(), JsonNode.Parse(Spoil(r => r["incidentType"] = "riot"))).ToJsonString(), HttpStatusCode.BadRequest, "[1].incidentType" },
            { "a batch over the limit", new JsonArray(Enumerable.Range(0, 1001).Select(_ => (JsonNode)Valid()).ToArray()).ToJsonString(), HttpStatusCode.RequestEntityTooLarge, "" },
            { "a body over 8 MiB", "[" + string.Join(",", Enumerable.Range(0, 900).Select(_ => Spoil(r => r["text"] = new string('x', 10_000)))) + "]", HttpStatusCode.RequestEntityTooLarge, "" },
        };
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task malformed_input_gets_problem_details_records_nothing_and_the_service_keeps_serving(string _, string body, HttpStatusCode status, string field)
    {
        var head = await _app.Store.GetHeadPositionAsync();

        var response = await Post(body);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        if (field.Length > 0)
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out JsonElement _), $"no error for '{field}' in {problem}");
        Assert.Equal(head, await _app.Store.GetHeadPositionAsync());
        Assert.Equal(HttpStatusCode.Created, (await Post(Valid().ToJsonString())).StatusCode);
    }

    [Fact]
    public async Task a_body_that_is_not_json_is_unsupported()
    {
        var response = await _app.Http.PostAsync("/api/incidents", new StringContent("sourceId=x", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task corrections_and_retractions_over_http()
    {
        var report = Reports.Tump(reportId: "PK-9");
        await Post(JsonSerializer.Serialize(report, Web));

        var corrected = await Post(JsonSerializer.Serialize(new IncidentCorrected(report.SourceId, "PK-9", "c1", Reports.Attack.AddHours(3), new Casualties(new SideCasualties(5))), Web), "/api/incidents/corrections");
        var unknown = await Post(JsonSerializer.Serialize(new IncidentCorrected(report.SourceId, "nope", "c1", Reports.Attack.AddHours(3), new Casualties(new SideCasualties(5))), Web), "/api/incidents/corrections");
        var retracted = await Post(JsonSerializer.Serialize(new IncidentRetracted(report.SourceId, "PK-9", Reports.Attack.AddHours(4), "Wrong district."), Web), "/api/incidents/retractions");
        var late = await Post(JsonSerializer.Serialize(new IncidentCorrected(report.SourceId, "PK-9", "c2", Reports.Attack.AddHours(5), new Casualties(new SideCasualties(6))), Web), "/api/incidents/corrections");
        var noReason = await Post("""{"sourceId":"police-kech","reportId":"PK-9","retractedAt":"2026-01-31T04:00:00Z"}""", "/api/incidents/retractions");

        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retracted.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var events = await _app.ReadAllAsync();
        Assert.Single(events.OfType<ReportCorrected>());
        Assert.True(Assert.Single(events.OfType<ReportRetracted>()).Incident.Withdrawn);
    }

    [Theory]
    [InlineData("/api/incidents/0123456789abcdef0123456789abcdef")]
    [InlineData("/api/incidents/not-an-id")]
    public async Task an_unknown_incident_is_a_problem_404(string path)
    {
        var response = await _app.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("?limit=0")]
    [InlineData("?limit=abc")]
    [InlineData("?before=-1")]
    public async Task bad_rejection_paging_is_a_problem_400(string query)
    {
        var response = await _app.Http.GetAsync("/api/rejections" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task rejections_page_from_the_latest()
    {
        var log = new RejectionLog(_app.Store, _app.Registry);
        for (var i = 0; i < 5; i++)
            await log.RecordAsync(new ReportRejected("incident-reported", "src", "r" + i, null, [new FieldError("x", "y")], null, DateTimeOffset.UtcNow), Guid.NewGuid());

        var first = await _app.Http.GetFromJsonAsync<JsonElement>("/api/rejections?limit=3");
        var next = first.GetProperty("next").GetString();
        var second = await _app.Http.GetFromJsonAsync<JsonElement>(next);

        Assert.Equal(["r4", "r3", "r2"], first.GetProperty("rejections").EnumerateArray().Select(r => r.GetProperty("reportId").GetString()));
        Assert.Equal(["r1", "r0"], second.GetProperty("rejections").EnumerateArray().Select(r => r.GetProperty("reportId").GetString()));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);
    }
}
