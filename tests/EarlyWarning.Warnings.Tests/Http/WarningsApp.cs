using EarlyWarning.Contracts.Soc;
using EarlyWarning.Contracts.Warnings;
using EarlyWarning.EventStore;
using EarlyWarning.Ingest;
using EarlyWarning.ServiceDefaults;
using EarlyWarning.Testing;
using EarlyWarning.ServiceDefaults.Security;
using EarlyWarning.Warnings.Board;
using EarlyWarning.Warnings.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EarlyWarning.Warnings.Tests.Http;

/// <summary>
/// The warnings API wired as the host wires it, in the test process: a real SQLite file, ingest for incidents,
/// Kestrel on a free port of 127.0.0.1, and two keys — an operator's and a source's. Warning events are appended
/// as the rules service appends them.
/// </summary>
public sealed class WarningsApp : IAsyncDisposable
{
    public const string OperatorKey = TestApiKeys.Operator;
    public const string OperatorName = "duty-officer";
    public const string SourceKey = TestApiKeys.Source;

    private readonly WebApplication _app;
    private readonly string _folder;

    private WarningsApp(WebApplication app, string folder)
    {
        _app = app;
        _folder = folder;
        Http = new HttpClient { BaseAddress = app.BaseAddress(), Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Http { get; }

    public IEventStore Store => _app.Services.GetRequiredService<IEventStore>();

    public EventTypeRegistry Registry => _app.Services.GetRequiredService<EventTypeRegistry>();

    public IncidentIngest Ingest => _app.Services.GetRequiredService<IncidentIngest>();

    public WarningBoard Board => _app.Services.GetRequiredService<WarningBoard>();

    public static async Task<WarningsApp> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ew-warnings-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["EventStore:Adapter"] = "sqlite",
            ["EventStore:Sqlite:Path"] = Path.Combine(folder, "store.db"),
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Configuration.AddInMemoryCollection(TestApiKeys.Settings(OperatorName));
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddServiceDefaults();
        await builder.AddEventStoreAsync();
        builder.AddIngest();
        builder.AddWarnings();
        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapWarningsApi();
        await app.StartAsync();
        return new WarningsApp(app, folder);
    }

    /// <summary>Appends a warning event as the rules service does: exact version on <c>warning-{id}</c>.</summary>
    public async Task<GlobalPosition> AppendAsync(object warningEvent)
    {
        var (id, version) = warningEvent switch
        {
            WarningRaised e => (e.Warning.WarningId, e.Version),
            WarningUpdated e => (e.Warning.WarningId, e.Version),
            WarningResolved e => (e.Warning.WarningId, e.Version),
            _ => throw new ArgumentException("not a warning event", nameof(warningEvent)),
        };
        var expected = version == 1 ? ExpectedRevision.NoStream : ExpectedRevision.Exact(new StreamRevision(version - 2));
        var result = await Store.AppendToStreamAsync(WarningStreams.Warning(id), expected, Registry.ToEventData(warningEvent, EventIds.New()));
        await Board.WaitForAsync(result.LastPosition.Value, TimeSpan.FromSeconds(10), CancellationToken.None);
        return result.LastPosition;
    }

    /// <summary>Every event of a warning's SOC stream.</summary>
    public async Task<List<object>> SocEventsAsync(string warningId)
    {
        var events = new List<object>();
        await foreach (var recorded in Store.ReadStreamAsync(SocStreams.Soc(warningId), Direction.Forwards, StreamRevision.Start, long.MaxValue))
            events.Add(Registry.Deserialize(recorded)!);
        return events;
    }

    public HttpRequestMessage Post(string path, string? json, string? key = OperatorKey, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (json is not null)
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, contentType);
        if (key is not null)
            request.Headers.Add(ApiKeys.HeaderName, key);
        return request;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
