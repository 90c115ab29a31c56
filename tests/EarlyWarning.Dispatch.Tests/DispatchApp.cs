using EarlyWarning.Contracts.Soc;
using EarlyWarning.Dispatch.Processing;
using EarlyWarning.EventStore;
using EarlyWarning.ServiceDefaults;
using EarlyWarning.ServiceDefaults.Security;
using EarlyWarning.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EarlyWarning.Dispatch.Tests;

/// <summary>
/// The dispatch wired as its Program wires it, in the test process: a real SQLite file (kept across restarts of the
/// app), Kestrel on a free port of 127.0.0.1, an operator's key and a source's key, and the test's <c>Dispatch</c>
/// settings with short delays.
/// </summary>
public sealed class DispatchApp : IAsyncDisposable
{
    public const string OperatorKey = TestApiKeys.Operator;
    public const string SourceKey = TestApiKeys.Source;

    /// <summary>A policy that gives up within a second: three attempts, 20 ms apart and more.</summary>
    public static readonly IReadOnlyDictionary<string, string?> FastPolicy = new Dictionary<string, string?>
    {
        ["Dispatch:Attempts"] = "3",
        ["Dispatch:BaseDelay"] = "00:00:00.020",
        ["Dispatch:MaxDelay"] = "00:00:00.100",
        ["Dispatch:AttemptTimeout"] = "00:00:02",
    };

    private readonly WebApplication _app;

    private DispatchApp(WebApplication app, string storePath)
    {
        _app = app;
        StorePath = storePath;
        Http = new HttpClient { BaseAddress = app.BaseAddress(), Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Http { get; }

    public string StorePath { get; }

    public IEventStore Store => _app.Services.GetRequiredService<IEventStore>();

    public EventTypeRegistry Registry => _app.Services.GetRequiredService<EventTypeRegistry>();

    public DispatchStatus Status => _app.Services.GetRequiredService<DispatchStatus>();

    public static string NewStorePath()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ew-dispatch-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, "store.db");
    }

    /// <param name="settings">The <c>Dispatch</c> settings (recipients and policy), as configuration keys.</param>
    /// <param name="storePath">An existing store to start on; a new one when null.</param>
    public static async Task<DispatchApp> StartAsync(IReadOnlyDictionary<string, string?> settings, string? storePath = null)
    {
        storePath ??= NewStorePath();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["EventStore:Adapter"] = "sqlite",
            ["EventStore:Sqlite:Path"] = storePath,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Configuration.AddInMemoryCollection(TestApiKeys.Settings("duty-officer"));
        builder.Configuration.AddInMemoryCollection(FastPolicy);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddServiceDefaults();
        await builder.AddEventStoreAsync();
        builder.AddApiKeys();
        builder.AddDispatch();
        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapDispatchApi();
        await app.StartAsync();
        return new DispatchApp(app, storePath);
    }

    public Task<AppendResult> AppendAsync(object warningEvent) => SampleWarnings.AppendAsync(Store, Registry, warningEvent);

    /// <summary>Every event of a warning's SOC stream, decoded.</summary>
    public async Task<List<object>> SocEventsAsync(string warningId)
    {
        var events = new List<object>();
        await foreach (var recorded in Store.ReadStreamAsync(SocStreams.Soc(warningId), Direction.Forwards, StreamRevision.Start, long.MaxValue))
            events.Add(Registry.Deserialize(recorded)!);
        return events;
    }

    public async Task<List<T>> SocEventsAsync<T>(string warningId) => (await SocEventsAsync(warningId)).OfType<T>().ToList();

    /// <summary>Waits until the warning's SOC stream holds what <paramref name="done"/> asks for.</summary>
    public Task WaitForAsync(string warningId, Func<List<object>, bool> done, string what, TimeSpan? timeout = null) =>
        Eventually.TrueAsync(async () => done(await SocEventsAsync(warningId)), timeout ?? TimeSpan.FromSeconds(20), what,
            () => $"soc-{warningId}: {string.Join("; ", SocEventsAsync(warningId).GetAwaiter().GetResult())}");

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
