using System.Net;
using System.Text.Json;
using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.Partners.Tests.Entitlements;
using EarlyWarning.Testing;
using EarlyWarning.Warnings.Tests.Http;

namespace EarlyWarning.Partners.Tests.Http;

/// <summary>The entitlement matrix over HTTP: each partner sees exactly what it is entitled to, redacted as agreed.</summary>
public sealed class FeedEntitlementTests : IAsyncLifetime
{
    private PartnersApp _app = null!;
    private EntitlementMatrix _matrix = null!;

    public async Task InitializeAsync()
    {
        _app = await PartnersApp.StartAsync();
        _matrix = await EntitlementMatrix.SeedAsync(_app.ReportAsync, _app.AppendAsync);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task a_partner_entitled_to_balochistan_warnings_sees_exactly_those_and_no_source_id()
    {
        var events = await _app.ReadAllAsync(PartnersApp.BalochistanWarnings);

        Assert.Equal(["V1.WarningRaised", "V1.WarningUpdated"], events.Select(e => e.GetProperty("type").GetString()));
        Assert.All(events, e => Assert.Equal("warning-" + _matrix.Warnings["balochistan"], e.GetProperty("stream").GetString()));
        Assert.All(events, e => Assert.DoesNotContain("police-kech", e.GetRawText(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task a_partner_entitled_to_kp_incidents_sees_only_those_redacted()
    {
        var events = await _app.ReadAllAsync(PartnersApp.KpIncidents);

        Assert.Equal([_matrix.Incidents["peshawar"], _matrix.Incidents["swat"]], events.Select(IncidentId));
        foreach (var e in events)
        {
            var data = e.GetProperty("data");
            Assert.False(data.GetProperty("incident").TryGetProperty("sources", out _));
            Assert.False(data.GetProperty("report").TryGetProperty("sourceId", out _));
            Assert.False(data.GetProperty("report").TryGetProperty("reportId", out _));
            Assert.False(data.GetProperty("report").TryGetProperty("text", out _));
            Assert.DoesNotContain("police-kech", e.GetRawText(), StringComparison.Ordinal);
            Assert.DoesNotContain("dawn", e.GetRawText(), StringComparison.Ordinal);
            Assert.Equal("khyber-pakhtunkhwa", data.GetProperty("incident").GetProperty("location").GetProperty("provinceId").GetString());
        }
    }

    [Fact]
    public async Task a_radius_partner_sees_only_incidents_inside_the_radius()
    {
        var events = await _app.ReadAllAsync(PartnersApp.Turbat);

        // Tump is in the same district, about 65 km away; Gwadar's centroid about 75 km.
        Assert.Equal([_matrix.Incidents["turbat"]], events.Select(IncidentId));
    }

    [Fact]
    public async Task a_partner_allowed_source_identities_and_notes_sees_them()
    {
        var events = await _app.ReadAllAsync(PartnersApp.KpWithSources);

        Assert.Equal(["police-kech", "dawn"], events.Select(e => e.GetProperty("data").GetProperty("incident").GetProperty("sources")[0].GetString()));
        Assert.All(events, e => Assert.Equal("Militants attacked a post.", e.GetProperty("data").GetProperty("report").GetProperty("text").GetString()));
    }

    [Fact]
    public async Task no_key_is_401()
    {
        using var response = await _app.Http.SendAsync(_app.Get("/api/feed", key: null));
        await Problem.AssertAsync(response, HttpStatusCode.Unauthorized, "API key required");
    }

    [Fact]
    public async Task an_unknown_key_is_401()
    {
        using var response = await _app.Http.SendAsync(_app.Get("/api/feed", "ew_not_a_key"));
        await Problem.AssertAsync(response, HttpStatusCode.Unauthorized, "Unknown API key");
    }

    [Theory]
    [InlineData(TestApiKeys.Operator, "/api/feed")]
    [InlineData(TestApiKeys.Source, "/api/feed")]
    [InlineData(TestApiKeys.Operator, "/api/feed/live")]
    public async Task a_valid_key_without_the_partner_scope_is_403(string key, string path)
    {
        using var response = await _app.Http.SendAsync(_app.Get(path, key));
        await Problem.AssertAsync(response, HttpStatusCode.Forbidden, "Not allowed for this key", "partner");
    }

    [Theory]
    [InlineData("from=-1")]
    [InlineData("from=abc")]
    [InlineData("limit=0")]
    [InlineData("limit=1001")]
    [InlineData("limit=ten")]
    public async Task a_bad_from_or_limit_is_400(string query)
    {
        using var response = await _app.Http.SendAsync(_app.Get("/api/feed?" + query, PartnersApp.KpIncidents));
        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "The query is not valid");
    }

    private static string IncidentId(JsonElement e) => e.GetProperty("data").GetProperty("incidentId").GetString()!;
}
