using System.Net.Http.Json;
using System.Text.Json;
using EarlyWarning.Contracts.Reports;
using EarlyWarning.Contracts.Warnings;
using EarlyWarning.EventStore;
using EarlyWarning.Ingest;
using EarlyWarning.ServiceDefaults.Security;
using EarlyWarning.Testing;

namespace EarlyWarning.Partners.Tests.Http;

/// <summary>
/// The partner feed wired as a host wires it, in the test process: a real SQLite file, ingest for incidents,
/// Kestrel on a free port of 127.0.0.1, the test operator and source keys, and four partners. Warning events are
/// appended as the rules service appends them.
/// </summary>
public sealed class PartnersApp : IAsyncDisposable
{
    /// <summary>Balochistan warnings, nothing redacted allowed.</summary>
    public const string BalochistanWarnings = "ew_test_partner_balochistan_warnings";

    /// <summary>Khyber Pakhtunkhwa incidents, redacted.</summary>
    public const string KpIncidents = "ew_test_partner_kp_incidents";

    /// <summary>Incidents within 25 km of Turbat.</summary>
    public const string Turbat = "ew_test_partner_turbat";

    /// <summary>Khyber Pakhtunkhwa incidents with source identities and notes.</summary>
    public const string KpWithSources = "ew_test_partner_kp_sources";

    public static readonly Dictionary<string, string?> Partners = new()
    {
        ["Partners:0:Name"] = "bal-warnings",
        ["Partners:0:KeySha256"] = ApiKeys.Hash(BalochistanWarnings),
        ["Partners:0:Provinces:0"] = "balochistan",
        ["Partners:0:Kinds:0"] = "warnings",
        ["Partners:1:Name"] = "kp-incidents",
        ["Partners:1:KeySha256"] = ApiKeys.Hash(KpIncidents),
        ["Partners:1:Provinces:0"] = "khyber-pakhtunkhwa",
        ["Partners:1:Kinds:0"] = "incidents",
        ["Partners:2:Name"] = "turbat-town",
        ["Partners:2:KeySha256"] = ApiKeys.Hash(Turbat),
        ["Partners:2:Point:Latitude"] = "26.0012",
        ["Partners:2:Point:Longitude"] = "63.0485",
        ["Partners:2:Point:RadiusKm"] = "25",
        ["Partners:2:Kinds:0"] = "incidents",
        ["Partners:3:Name"] = "kp-trusted",
        ["Partners:3:KeySha256"] = ApiKeys.Hash(KpWithSources),
        ["Partners:3:Provinces:0"] = "khyber-pakhtunkhwa",
        ["Partners:3:Kinds:0"] = "incidents",
        ["Partners:3:Allow:SourceIdentities"] = "true",
        ["Partners:3:Allow:Notes"] = "true",
    };

    private readonly TestWebApp _app;
    private readonly string _storePath;

    private PartnersApp(TestWebApp app, string storePath)
    {
        _app = app;
        _storePath = storePath;
    }

    public HttpClient Http => _app.Http;

    public IEventStore Store => _app.Store;

    /// <summary>Starts on a new store, or on <paramref name="storePath"/> to restart a stopped app; <paramref name="settings"/> add to the partners.</summary>
    public static async Task<PartnersApp> StartAsync(string? storePath = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        storePath ??= TestWebApp.NewStorePath("ew-partners-tests");
        var all = new Dictionary<string, string?>(Partners);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;
        var app = await TestWebApp.StartAsync(storePath, "duty-officer", all, builder =>
        {
            builder.AddIngest();
            builder.AddPartners();
        }, web => web.MapPartnersApi());
        await app.Get<IncidentIngest>().Ready;
        return new PartnersApp(app, storePath);
    }

    /// <summary>Ingests a report as a source would; returns the incident's id.</summary>
    public Task<string> ReportAsync(IncidentReported report) => _app.ReportAsync(report);

    /// <summary>Appends a warning event as the rules service does: exact version on <c>warning-{id}</c>.</summary>
    public Task<long> AppendAsync(WarningSnapshot warning, int version) => _app.AppendWarningAsync(warning, version);

    public HttpRequestMessage Get(string path, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null)
            request.Headers.Add(ApiKeys.HeaderName, key);
        return request;
    }

    /// <summary>One page of the feed, which must succeed.</summary>
    public async Task<(List<JsonElement> Events, long Next)> PageAsync(string key, long from = 0, int? limit = null)
    {
        using var response = await Http.SendAsync(Get($"/api/feed?from={from}{(limit is null ? "" : $"&limit={limit}")}", key));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (page.GetProperty("events").EnumerateArray().ToList(), page.GetProperty("next").GetInt64());
    }

    /// <summary>Every event a partner is entitled to, read page by page until a page leaves <c>next</c> where it was.</summary>
    public async Task<List<JsonElement>> ReadAllAsync(string key, int limit = 100, long from = 0)
    {
        var all = new List<JsonElement>();
        while (true)
        {
            var (events, next) = await PageAsync(key, from, limit);
            all.AddRange(events);
            if (next == from)
                return all;
            from = next;
        }
    }

    /// <summary>Stops this app and starts another on the same store file.</summary>
    public async Task<PartnersApp> RestartAsync()
    {
        await _app.DisposeAsync();
        return await StartAsync(_storePath);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        TestWebApp.DeleteStoreFolder(_storePath);
    }
}
