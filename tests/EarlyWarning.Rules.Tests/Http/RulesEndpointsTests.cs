using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EarlyWarning.Contracts.Rules;
using EarlyWarning.EventStore;
using EarlyWarning.Rules.Loading;

using EarlyWarning.ServiceDefaults.Security;

namespace EarlyWarning.Rules.Tests.Http;

public sealed class RulesEndpointsTests : IAsyncLifetime
{
    private RulesApiApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await RulesApiApp.StartAsync();
        await _app.WaitForActivationAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static string Iso(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private JsonObject Valid() => new()
    {
        ["ruleId"] = "district-attack-cluster",
        ["province"] = "Balochistan",
        ["district"] = "Kech",
        ["endsAt"] = Iso(_app.Clock.GetUtcNow().AddHours(6)),
        ["reason"] = "Known army exercise near Turbat until the evening.",
        ["createdBy"] = "soc-duty-officer",
    };

    private Task<HttpResponseMessage> Post(string body) =>
        _app.Http.PostAsync("/api/silences", new StringContent(body, Encoding.UTF8, "application/json"));

    private async Task<List<JsonElement>> ActiveAsync() =>
        (await _app.Http.GetFromJsonAsync<JsonElement>("/api/silences")).GetProperty("silences").EnumerateArray().ToList();

    private async Task<List<object?>> SilenceEventsAsync()
    {
        var events = new List<object?>();
        await foreach (var recorded in _app.Store.ReadStreamAsync(RuleStreams.Silences, Direction.Forwards, StreamRevision.Start, long.MaxValue))
            events.Add(_app.Registry.Deserialize(recorded));
        return events;
    }

    [Fact]
    public async Task the_rule_set_in_force_is_the_one_the_service_activated()
    {
        var response = await _app.Http.GetFromJsonAsync<JsonElement>("/api/rules");

        Assert.Equal(1, response.GetProperty("version").GetInt32());
        Assert.Equal(RuleSetLoader.LoadDirectory(_app.RulesDirectory, Gazetteer.Gazetteer.Default).Hash, response.GetProperty("hash").GetString());
        Assert.StartsWith("rules@", response.GetProperty("activatedBy").GetString(), StringComparison.Ordinal);
        var rules = response.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(["coordinated-attacks", "district-attack-cluster"], rules.Select(r => r.GetProperty("id").GetString()));
        var first = rules[0];
        Assert.Equal("Coordinated attacks across districts", first.GetProperty("title").GetString());
        Assert.Equal("spread", first.GetProperty("kind").GetString());
        Assert.Equal("province", first.GetProperty("groupBy").GetString());
        Assert.Equal("Severe", first.GetProperty("severity").GetString());
        Assert.Equal("Immediate", first.GetProperty("urgency").GetString());
        Assert.Equal("Observed", first.GetProperty("certainty").GetString());
        Assert.Equal("district", rules[1].GetProperty("groupBy").GetString());
        var status = response.GetProperty("status");
        Assert.Equal(JsonValueKind.Null, status.GetProperty("failure").ValueKind);
        Assert.True(status.GetProperty("position").GetInt64() >= 0);
    }

    [Fact]
    public async Task a_silence_is_added_listed_and_removed()
    {
        var created = await Post(Valid().ToJsonString());

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var silence = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = silence.GetProperty("silenceId").GetString()!;
        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.Equal($"/api/silences/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal("kech", silence.GetProperty("districtId").GetString());
        Assert.Equal("balochistan", silence.GetProperty("provinceId").GetString());
        Assert.Equal("active", silence.GetProperty("status").GetString());
        Assert.Equal(id, Assert.Single(await ActiveAsync()).GetProperty("silenceId").GetString());
        var added = Assert.IsType<SilenceAdded>(Assert.Single(await SilenceEventsAsync()));
        Assert.Equal(new SilenceAdded(id, "district-attack-cluster", "balochistan", "kech", DateTimeOffset.Parse(Valid()["endsAt"]!.GetValue<string>(), CultureInfo.InvariantCulture),
            "Known army exercise near Turbat until the evening.", "soc-duty-officer"), added);

        var removed = await _app.Http.DeleteAsync($"/api/silences/{id}?by=soc-night-shift");

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Empty(await ActiveAsync());
        var after = await _app.Http.GetFromJsonAsync<JsonElement>(created.Headers.Location);
        Assert.Equal("removed", after.GetProperty("status").GetString());
        Assert.Equal("soc-night-shift", after.GetProperty("removedBy").GetString());
        Assert.Equal(new SilenceRemoved(id, "soc-night-shift"), (await SilenceEventsAsync())[1]);
    }

    [Fact]
    public async Task a_silence_of_every_rule_for_a_duration_ends_that_long_from_now()
    {
        var body = new JsonObject { ["duration"] = "6h", ["reason"] = "Maintenance of the dispatch gateway.", ["createdBy"] = "ops" };

        var created = await Post(body.ToJsonString());

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var silence = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, silence.GetProperty("ruleId").ValueKind);
        Assert.Equal(JsonValueKind.Null, silence.GetProperty("provinceId").ValueKind);
        Assert.Equal(_app.Clock.GetUtcNow().AddHours(6), silence.GetProperty("endsAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task an_expired_silence_is_no_longer_listed_and_cannot_be_removed()
    {
        var created = await Post(new JsonObject { ["duration"] = "1h", ["reason"] = "Drill.", ["createdBy"] = "ops" }.ToJsonString());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("silenceId").GetString();
        Assert.Single(await ActiveAsync());

        _app.Clock.Advance(TimeSpan.FromHours(1));

        Assert.Empty(await ActiveAsync());
        var removal = await _app.Http.DeleteAsync($"/api/silences/{id}?by=ops");
        Assert.Equal(HttpStatusCode.NotFound, removal.StatusCode);
        Assert.Contains("expired", (await removal.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Single(await SilenceEventsAsync());
    }

    [Fact]
    public async Task removing_an_unknown_silence_is_not_found()
    {
        var head = await _app.Store.GetHeadPositionAsync();

        var response = await _app.Http.DeleteAsync($"/api/silences/{Guid.NewGuid():N}?by=ops");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(head, await _app.Store.GetHeadPositionAsync());
    }

    [Fact]
    public async Task a_silence_removed_once_is_not_found_the_second_time()
    {
        var created = await Post(Valid().ToJsonString());

        Assert.Equal(HttpStatusCode.NoContent, (await _app.Http.DeleteAsync(created.Headers.Location + "?by=a")).StatusCode);
        var again = await _app.Http.DeleteAsync(created.Headers.Location + "?by=b");

        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(2, (await SilenceEventsAsync()).Count);
    }

    [Fact]
    public async Task a_removal_without_who_removes_it_is_refused_and_records_nothing()
    {
        var created = await Post(Valid().ToJsonString());
        var head = await _app.Store.GetHeadPositionAsync();

        var response = await _app.Http.DeleteAsync(created.Headers.Location);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("by", out _));
        Assert.Equal(head, await _app.Store.GetHeadPositionAsync());
        Assert.Single(await ActiveAsync());
    }

    [Theory]
    [InlineData(null, 401)]
    [InlineData("ew_not_a_key", 401)]
    [InlineData(RulesApiApp.SourceKey, 403)]
    public async Task adding_or_removing_a_silence_needs_an_operator_key_and_without_one_records_nothing(string? key, int status)
    {
        var created = await Post(Valid().ToJsonString());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var add = new HttpRequestMessage(HttpMethod.Post, "/api/silences") { Content = new StringContent(Valid().ToJsonString(), Encoding.UTF8, "application/json") };
        using var remove = new HttpRequestMessage(HttpMethod.Delete, created.Headers.Location + "?by=ops");
        foreach (var request in new[] { add, remove })
        {
            if (key is not null)
                request.Headers.Add(ApiKeys.HeaderName, key);
            using var response = await _app.Anonymous.SendAsync(request);
            Assert.Equal(status, (int)response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.Single(await SilenceEventsAsync());
        Assert.Single(await ActiveAsync());
    }

    public static TheoryData<string, Func<JsonObject, string>, string> BadInput() => new()
    {
        { "unknown rule", s => Spoil(s, o => o["ruleId"] = "no-such-rule"), "ruleId" },
        { "empty rule", s => Spoil(s, o => o["ruleId"] = " "), "ruleId" },
        { "unknown province", s => Spoil(s, o => o["province"] = "Atlantis"), "province" },
        { "unknown district", s => Spoil(s, o => o["district"] = "Atlantis"), "district" },
        { "district not in the province", s => Spoil(s, o => { o["province"] = "Khyber Pakhtunkhwa"; o["district"] = "Quetta"; }), "district" },
        { "district given by id, not in the province", s => Spoil(s, o => { o["province"] = "KP"; o["district"] = "quetta"; }), "district" },
        { "missing reason", s => Spoil(s, o => o.Remove("reason")), "reason" },
        { "blank reason", s => Spoil(s, o => o["reason"] = "   "), "reason" },
        { "reason over 500 characters", s => Spoil(s, o => o["reason"] = new string('x', 501)), "reason" },
        { "missing createdBy", s => Spoil(s, o => o.Remove("createdBy")), "createdBy" },
        { "endsAt in the past", s => Spoil(s, o => o["endsAt"] = "2026-01-30T00:00:00Z"), "endsAt" },
        { "endsAt beyond 30 days", s => Spoil(s, o => o["endsAt"] = "2099-01-01T00:00:00Z"), "endsAt" },
        { "endsAt without an offset", s => Spoil(s, o => o["endsAt"] = "2099-01-01T00:00:00"), "endsAt" },
        { "both endsAt and duration", s => Spoil(s, o => o["duration"] = "6h"), "duration" },
        { "neither endsAt nor duration", s => Spoil(s, o => o.Remove("endsAt")), "endsAt" },
        { "duration not a duration", s => Spoil(s, o => { o.Remove("endsAt"); o["duration"] = "6 hours"; }), "duration" },
        { "duration beyond 30 days", s => Spoil(s, o => { o.Remove("endsAt"); o["duration"] = "31d"; }), "duration" },
        { "endsAt as a number", s => Spoil(s, o => o["endsAt"] = 1769731200), "endsAt" },
        { "reason as an array", s => Spoil(s, o => o["reason"] = new JsonArray("a", "b")), "reason" },
        { "misspelt field", s => Spoil(s, o => o["endAt"] = "2026-01-30T00:00:00Z"), "endAt" },
        { "not an object", _ => "[1, 2]", "$" },
        { "malformed JSON", _ => "{\"reason\": ", "" },
    };

    private static string Spoil(JsonObject silence, Action<JsonObject> spoil)
    {
        spoil(silence);
        return silence.ToJsonString();
    }

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task bad_input_is_a_problem_naming_the_field_and_records_nothing(string _, Func<JsonObject, string> body, string field)
    {
        var head = await _app.Store.GetHeadPositionAsync();

        var response = await Post(body(Valid()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        if (field.Length > 0)
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out JsonElement _), $"no error for '{field}' in {problem}");
        Assert.Equal(head, await _app.Store.GetHeadPositionAsync());
        Assert.Empty(await ActiveAsync());
    }

    [Fact]
    public async Task every_wrong_field_is_listed_at_once()
    {
        var body = new JsonObject { ["ruleId"] = "no-such-rule", ["district"] = "Atlantis", ["endsAt"] = 5, ["reason"] = "", ["createdBy"] = "ops" };

        var response = await Post(body.ToJsonString());

        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["district", "endsAt", "reason", "ruleId"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }
}
