using EarlyWarning.Contracts.Soc;
using EarlyWarning.Dispatch.Processing;
using EarlyWarning.EventStore;
using EarlyWarning.Testing;

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

    private readonly TestWebApp _app;

    private DispatchApp(TestWebApp app, string storePath)
    {
        _app = app;
        StorePath = storePath;
    }

    public HttpClient Http => _app.Http;

    public string StorePath { get; }

    public IEventStore Store => _app.Store;

    public EventTypeRegistry Registry => _app.Registry;

    public DispatchStatus Status => _app.Get<DispatchStatus>();

    public static string NewStorePath() => TestWebApp.NewStorePath("ew-dispatch-tests");

    /// <param name="settings">The <c>Dispatch</c> settings (recipients and policy), as configuration keys.</param>
    /// <param name="storePath">An existing store to start on; a new one when null.</param>
    public static async Task<DispatchApp> StartAsync(IReadOnlyDictionary<string, string?> settings, string? storePath = null)
    {
        storePath ??= NewStorePath();
        var all = new Dictionary<string, string?>(FastPolicy);
        foreach (var (key, value) in settings)
            all[key] = value;
        var app = await TestWebApp.StartAsync(storePath, "duty-officer", all, builder => builder.AddDispatch(), web => web.MapDispatchApi());
        return new DispatchApp(app, storePath);
    }

    public Task<AppendResult> AppendAsync(object warningEvent) => WarningAppends.AppendAsync(Store, Registry, warningEvent);

    /// <summary>Every event of a warning's SOC stream, decoded.</summary>
    public Task<List<object>> SocEventsAsync(string warningId) => Store.EventsAsync(Registry, SocStreams.Soc(warningId));

    public async Task<List<T>> SocEventsAsync<T>(string warningId) => (await SocEventsAsync(warningId)).OfType<T>().ToList();

    /// <summary>Waits until the warning's SOC stream holds what <paramref name="done"/> asks for.</summary>
    public Task WaitForAsync(string warningId, Func<List<object>, bool> done, string what, TimeSpan? timeout = null) =>
        Eventually.TrueAsync(async () => done(await SocEventsAsync(warningId)), timeout ?? TimeSpan.FromSeconds(20), what,
            () => $"soc-{warningId}: {string.Join("; ", SocEventsAsync(warningId).GetAwaiter().GetResult())}");

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
