using System.Net.Http.Json;
using System.Text.Json;
using EarlyWarning.Contracts.Reports;
using EarlyWarning.Contracts.Warnings;
using EarlyWarning.EventStore;
using EarlyWarning.Ingest;
using EarlyWarning.ServiceDefaults;
using EarlyWarning.ServiceDefaults.Security;
using EarlyWarning.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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

    private readonly WebApplication _app;
    private readonly string _folder;

    private PartnersApp(WebApplication app, string folder)
    {
        _app = app;
        _folder = folder;
        Http = new HttpClient { BaseAddress = app.BaseAddress(), Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Http { get; }

    public IEventStore Store => _app.Services.GetRequiredService<IEventStore>();

    /// <summary>Starts on a new store, or on the store of <paramref name="folder"/> to restart a stopped app.</summary>
    public static async Task<PartnersApp> StartAsync(string? folder = null)
    {
        folder ??= Path.Combine(Path.GetTempPath(), "ew-partners-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["EventStore:Adapter"] = "sqlite",
            ["EventStore:Sqlite:Path"] = Path.Combine(folder, "store.db"),
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Configuration.AddInMemoryCollection(TestApiKeys.Settings("duty-officer"));
        builder.Configuration.AddInMemoryCollection(Partners);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddServiceDefaults();
        await builder.AddEventStoreAsync();
        builder.AddIngest();
        builder.AddPartners();
        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapPartnersApi();
        await app.StartAsync();
        await app.Services.GetRequiredService<IncidentIngest>().Ready;
        return new PartnersApp(app, folder);
    }

    /// <summary>Ingests a report as a source would; returns the incident's id.</summary>
    public async Task<string> ReportAsync(IncidentReported report)
    {
        var outcome = await _app.Services.GetRequiredService<IncidentIngest>().ReportAsync(report, null);
        Assert.True(outcome.IsAccepted, string.Join("; ", outcome.Errors));
        return outcome.IncidentId!;
    }

    /// <summary>Appends a warning event as the rules service does: exact version on <c>warning-{id}</c>.</summary>
    public async Task<long> AppendAsync(WarningSnapshot warning, int version)
    {
        object warningEvent = version == 1 ? SampleWarnings.Raised(warning) : SampleWarnings.Updated(warning, version);
        var expected = version == 1 ? ExpectedRevision.NoStream : ExpectedRevision.Exact(new StreamRevision(version - 2));
        var registry = _app.Services.GetRequiredService<EventTypeRegistry>();
        var result = await Store.AppendToStreamAsync(WarningStreams.Warning(warning.WarningId), expected, registry.ToEventData(warningEvent, EventIds.New()));
        return result.LastPosition.Value;
    }

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

    private async Task StopAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>Stops this app and starts another on the same store file.</summary>
    public async Task<PartnersApp> RestartAsync()
    {
        await StopAsync();
        return await StartAsync(_folder);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
