using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EarlyWarning.Contracts.Partners;
using EarlyWarning.EventStore;
using EarlyWarning.ServiceDefaults.Security;
using EarlyWarning.Testing;
using EarlyWarning.Warnings.Tests.Http;

namespace EarlyWarning.Partners.Tests.Admin;

/// <summary>The partner admin API over real Kestrel on a real SQLite file: keys that work at once, once shown, rotated and removed.</summary>
public sealed class PartnerAdminTests : IAsyncLifetime
{
    private AdminApp _app = null!;

    public async Task InitializeAsync() => _app = await AdminApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAndDeleteAsync();

    [Fact]
    public async Task a_partner_registered_over_the_api_reads_the_feed_at_once_and_its_key_is_never_shown_again()
    {
        using var response = await _app.SendAsync(HttpMethod.Post, "/api/admin/partners", AdminApp.Admin, AdminApp.Body("ndma"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/admin/partners/ndma", response.Headers.Location?.OriginalString);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var key = created.GetProperty("key").GetString()!;
        Assert.Equal("api", created.GetProperty("partner").GetProperty("origin").GetString());
        Assert.Equal(AdminApp.AdminName, created.GetProperty("partner").GetProperty("registeredBy").GetString());

        Assert.Equal(HttpStatusCode.OK, await _app.FeedStatusAsync(key));

        var hash = ApiKeys.Hash(key);
        foreach (var path in new[] { "/api/admin/partners", "/api/admin/partners/ndma", "/api/admin/partners/NDMA" })
        {
            using var read = await _app.SendAsync(HttpMethod.Get, path, AdminApp.Admin);
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            var text = await read.Content.ReadAsStringAsync();
            Assert.Contains("\"ndma\"", text, StringComparison.Ordinal);
            Assert.DoesNotContain(key, text, StringComparison.Ordinal);
            Assert.DoesNotContain(hash, text, StringComparison.Ordinal);
        }
        // The store holds the hash, never the key.
        var recorded = await ReadStreamAsync("ndma");
        var registered = Assert.Single(recorded);
        Assert.Equal("V1.PartnerRegistered", registered.Type);
        var data = Encoding.UTF8.GetString(registered.Data.Span);
        Assert.Contains(hash, data, StringComparison.Ordinal);
        Assert.DoesNotContain(key, data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_list_shows_configured_and_registered_partners_with_their_origin()
    {
        await _app.RegisterAsync(AdminApp.Body("ndma"));

        var list = await (await _app.SendAsync(HttpMethod.Get, "/api/admin/partners", AdminApp.Admin)).Content.ReadFromJsonAsync<JsonElement>();

        var origins = list.GetProperty("partners").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("origin").GetString());
        Assert.Equal("api", origins["ndma"]);
        Assert.Equal("config", origins["kp-incidents"]);
        Assert.Equal(5, origins.Count);
    }

    [Fact]
    public async Task rotating_the_key_refuses_the_old_one_and_accepts_the_new_one_at_once()
    {
        var old = await _app.RegisterAsync(AdminApp.Body("ndma"));

        using var response = await _app.SendAsync(HttpMethod.Post, "/api/admin/partners/ndma/key", AdminApp.Admin);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var rotated = await response.Content.ReadFromJsonAsync<JsonElement>();
        var key = rotated.GetProperty("key").GetString()!;
        Assert.NotEqual(old, key);
        Assert.Equal(AdminApp.AdminName, rotated.GetProperty("partner").GetProperty("keyRotatedBy").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, await _app.FeedStatusAsync(old));
        Assert.Equal(HttpStatusCode.OK, await _app.FeedStatusAsync(key));
        Assert.Equal(["V1.PartnerRegistered", "V1.PartnerKeyRotated"], (await ReadStreamAsync("ndma")).Select(e => e.Type));
    }

    [Fact]
    public async Task removing_a_partner_refuses_its_key_and_the_name_may_be_registered_again()
    {
        var key = await _app.RegisterAsync(AdminApp.Body("ndma"));

        using (var removed = await _app.SendAsync(HttpMethod.Delete, "/api/admin/partners/ndma", AdminApp.Admin))
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await _app.FeedStatusAsync(key));
        using (var gone = await _app.SendAsync(HttpMethod.Get, "/api/admin/partners/ndma", AdminApp.Admin))
            await Problem.AssertAsync(gone, HttpStatusCode.NotFound, "No such partner");
        using (var again = await _app.SendAsync(HttpMethod.Delete, "/api/admin/partners/ndma", AdminApp.Admin))
            await Problem.AssertAsync(again, HttpStatusCode.NotFound, "No such partner");
        var second = await _app.RegisterAsync(AdminApp.Body("NDMA"));
        Assert.Equal(HttpStatusCode.OK, await _app.FeedStatusAsync(second));
        Assert.Equal(HttpStatusCode.Unauthorized, await _app.FeedStatusAsync(key));
    }

    [Fact]
    public async Task two_registrations_of_one_name_record_exactly_one()
    {
        var attempts = Enumerable.Range(0, 6).Select(i => _app.SendAsync(HttpMethod.Post, "/api/admin/partners", AdminApp.Admin, AdminApp.Body(i % 2 == 0 ? "ndma" : "NDMA")));

        var responses = await Task.WhenAll(attempts);

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Single(await ReadStreamAsync("ndma"));
        foreach (var response in responses)
            response.Dispose();
    }

    [Theory]
    [InlineData("POST", "/api/admin/partners/kp-incidents/key")]
    [InlineData("DELETE", "/api/admin/partners/kp-incidents")]
    [InlineData("DELETE", "/api/admin/partners/KP-Incidents")]
    public async Task a_partner_of_configuration_is_not_changed_through_the_api(string method, string path)
    {
        using var response = await _app.SendAsync(new HttpMethod(method), path, AdminApp.Admin);

        await Problem.AssertAsync(response, HttpStatusCode.Conflict, "A partner of configuration", "configured under 'Partners'");
        Assert.Equal(HttpStatusCode.OK, await _app.FeedStatusAsync(Http.PartnersApp.KpIncidents));
        Assert.Empty(await ReadAllPartnerEventsAsync());
    }

    [Theory]
    [InlineData("kp-incidents", "A partner of configuration")]
    [InlineData("Turbat-Town", "A partner of configuration")]
    [InlineData("duty-officer", "The name is an API key's")]
    [InlineData(TestApiKeys.SourceName, "The name is an API key's")]
    [InlineData(AdminApp.AdminName, "The name is an API key's")]
    public async Task a_name_taken_by_a_configured_partner_or_an_api_key_is_409(string name, string title)
    {
        using var response = await _app.SendAsync(HttpMethod.Post, "/api/admin/partners", AdminApp.Admin, AdminApp.Body(name));

        await Problem.AssertAsync(response, HttpStatusCode.Conflict, title);
        Assert.Empty(await ReadAllPartnerEventsAsync());
    }

    [Theory]
    [InlineData("""{"name":"nd ma","provinces":["balochistan"],"kinds":["warnings"]}""", "name")]
    [InlineData("""{"name":"ndma","provinces":["atlantis"],"kinds":["warnings"]}""", "provinces")]
    [InlineData("""{"name":"ndma","kinds":["warnings"]}""", "provinces")]
    [InlineData("""{"name":"ndma","provinces":["balochistan"],"kinds":["reports"]}""", "kinds")]
    [InlineData("""{"name":"ndma","provinces":["balochistan"]}""", "kinds")]
    [InlineData("""{"name":"ndma","provinces":["balochistan"],"kinds":["warnings"],"minimumSeverity":"High"}""", "minimumSeverity")]
    [InlineData("""{"name":"ndma","point":{"latitude":91,"longitude":63,"radiusKm":25},"kinds":["warnings"]}""", "point.latitude")]
    [InlineData("""{"name":"ndma","point":{"latitude":26,"longitude":63},"kinds":["warnings"]}""", "point.radiusKm")]
    [InlineData("""{"name":"ndma","point":{"latitude":"north","longitude":63,"radiusKm":25},"kinds":["warnings"]}""", "point.latitude")]
    [InlineData("""{"name":"ndma","provinces":["balochistan"],"kinds":["warnings"],"allow":{"notes":"yes"}}""", "allow.notes")]
    [InlineData("""{"name":"ndma","provinces":["balochistan"],"kinds":["warnings"],"keySha256":"00"}""", "keySha256")]
    [InlineData("""["ndma"]""", "$")]
    public async Task a_bad_body_is_400_with_the_field_and_records_nothing(string body, string field)
    {
        using var response = await _app.SendAsync(HttpMethod.Post, "/api/admin/partners", AdminApp.Admin, body);

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "The partner is not valid");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Empty(await ReadAllPartnerEventsAsync());
    }

    [Fact]
    public async Task a_body_that_is_not_json_is_400_and_records_nothing()
    {
        using var response = await _app.SendAsync(HttpMethod.Post, "/api/admin/partners", AdminApp.Admin, "{\"name\":");
        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "The body is not valid JSON");
        Assert.Empty(await ReadAllPartnerEventsAsync());
    }

    [Theory]
    [InlineData("GET", "/api/admin/partners")]
    [InlineData("GET", "/api/admin/partners/kp-incidents")]
    [InlineData("POST", "/api/admin/partners")]
    [InlineData("POST", "/api/admin/partners/kp-incidents/key")]
    [InlineData("DELETE", "/api/admin/partners/kp-incidents")]
    public async Task no_key_is_401_and_an_operator_or_partner_key_is_403(string method, string path)
    {
        using (var none = await _app.SendAsync(new HttpMethod(method), path, null, method == "POST" ? AdminApp.Body("ndma") : null))
            await Problem.AssertAsync(none, HttpStatusCode.Unauthorized, "API key required");
        foreach (var key in new[] { TestApiKeys.Operator, Http.PartnersApp.KpIncidents })
        {
            using var refused = await _app.SendAsync(new HttpMethod(method), path, key, method == "POST" ? AdminApp.Body("ndma") : null);
            await Problem.AssertAsync(refused, HttpStatusCode.Forbidden, "Not allowed for this key", "admin");
        }
        Assert.Empty(await ReadAllPartnerEventsAsync());
    }

    [Fact]
    public async Task an_unknown_partner_is_404()
    {
        using var read = await _app.SendAsync(HttpMethod.Get, "/api/admin/partners/nobody", AdminApp.Admin);
        await Problem.AssertAsync(read, HttpStatusCode.NotFound, "No such partner");
        using var rotate = await _app.SendAsync(HttpMethod.Post, "/api/admin/partners/nobody/key", AdminApp.Admin);
        await Problem.AssertAsync(rotate, HttpStatusCode.NotFound, "No such partner");
    }

    private async Task<List<RecordedEvent>> ReadStreamAsync(string name)
    {
        var events = new List<RecordedEvent>();
        await foreach (var e in _app.Store.ReadStreamAsync(PartnerStreams.Partner(name), Direction.Forwards, StreamRevision.Start, long.MaxValue))
            events.Add(e);
        return events;
    }

    private async Task<List<RecordedEvent>> ReadAllPartnerEventsAsync()
    {
        var events = new List<RecordedEvent>();
        await foreach (var e in _app.Store.ReadAllAsync(GlobalPosition.Start, long.MaxValue, EventFilter.ForStreams(PartnerStreams.PartnerPrefix)))
            events.Add(e);
        return events;
    }
}
