using EarlyWarning.Contracts.Soc;
using EarlyWarning.EventStore;
using EarlyWarning.Ingest;
using EarlyWarning.ServiceDefaults.Security;
using EarlyWarning.Testing;
using EarlyWarning.Warnings.Board;
using EarlyWarning.Warnings.Http;

namespace EarlyWarning.Warnings.Tests.Http;

/// <summary>
/// The warnings API wired as the host wires it, in the test process (<see cref="TestWebApp"/>), with ingest for
/// incidents. Warning events are appended as the rules service appends them.
/// </summary>
public sealed class WarningsApp : IAsyncDisposable
{
    public const string OperatorKey = TestApiKeys.Operator;
    public const string OperatorName = "duty-officer";
    public const string SourceKey = TestApiKeys.Source;

    private readonly TestWebApp _app;
    private readonly string _storePath;

    private WarningsApp(TestWebApp app, string storePath)
    {
        _app = app;
        _storePath = storePath;
        Operator = new HttpClient { BaseAddress = app.Http.BaseAddress, Timeout = app.Http.Timeout, DefaultRequestHeaders = { { ApiKeys.HeaderName, OperatorKey } } };
    }

    /// <summary>A client without a key: for what anyone may ask, and for requests that carry their own key.</summary>
    public HttpClient Http => _app.Http;

    /// <summary>A client that sends the operator's key with every request, as the dashboard does.</summary>
    public HttpClient Operator { get; }

    public IEventStore Store => _app.Store;

    public EventTypeRegistry Registry => _app.Registry;

    public IncidentIngest Ingest => _app.Get<IncidentIngest>();

    public WarningBoard Board => _app.Get<WarningBoard>();

    public static async Task<WarningsApp> StartAsync()
    {
        var storePath = TestWebApp.NewStorePath("ew-warnings-tests");
        var app = await TestWebApp.StartAsync(storePath, OperatorName, new Dictionary<string, string?>(), builder =>
        {
            builder.AddIngest();
            builder.AddWarnings();
        }, web => web.MapWarningsApi());
        return new WarningsApp(app, storePath);
    }

    /// <summary>Appends a warning event as the rules service does, and waits until the board shows it.</summary>
    public async Task<GlobalPosition> AppendAsync(object warningEvent)
    {
        var result = await WarningAppends.AppendAsync(Store, Registry, warningEvent);
        if (!await Board.WaitForAsync(result.LastPosition.Value, TimeSpan.FromSeconds(10), CancellationToken.None))
            throw new TimeoutException($"The board did not fold position {result.LastPosition.Value} within 10 s");
        return result.LastPosition;
    }

    /// <summary>Every event of a warning's SOC stream.</summary>
    public Task<List<object>> SocEventsAsync(string warningId) => Store.EventsAsync(Registry, SocStreams.Soc(warningId));

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
        Operator.Dispose();
        await _app.DisposeAsync();
        TestWebApp.DeleteStoreFolder(_storePath);
    }
}
