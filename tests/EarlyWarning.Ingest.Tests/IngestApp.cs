using EarlyWarning.Contracts;
using EarlyWarning.EventStore;
using EarlyWarning.Ingest.Http;
using EarlyWarning.ServiceDefaults;
using EarlyWarning.ServiceDefaults.Bus;
using EarlyWarning.Testing;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EarlyWarning.Ingest.Tests;

/// <summary>
/// Ingest wired as the ingest service wires it, in the test process: a real SQLite file (or PostgreSQL schema),
/// the in-memory bus or a RabbitMQ virtual host of its own, and Kestrel on a free port of 127.0.0.1.
/// </summary>
public sealed class IngestApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string? _folder;
    private readonly string? _schema;

    private IngestApp(WebApplication app, string? folder, string? schema)
    {
        _app = app;
        _folder = folder;
        _schema = schema;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Http = new HttpClient { BaseAddress = new Uri(address) };
    }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    public IEventStore Store => _app.Services.GetRequiredService<IEventStore>();

    public IBus Bus => _app.Services.GetRequiredService<IBus>();

    public IncidentIngest Ingest => _app.Services.GetRequiredService<IncidentIngest>();

    public EventTypeRegistry Registry => _app.Services.GetRequiredService<EventTypeRegistry>();

    /// <param name="sqlitePath">An existing store file to reopen; a new one in a temp folder when null.</param>
    /// <param name="rabbitMqUri">A RabbitMQ virtual host's URI; the in-memory bus when null.</param>
    /// <param name="postgresSchema">Use PostgreSQL with this schema instead of SQLite.</param>
    public static async Task<IngestApp> StartAsync(string? sqlitePath = null, string? rabbitMqUri = null, string? postgresSchema = null, IDictionary<string, string?>? settings = null)
    {
        string? folder = null;
        if (sqlitePath is null && postgresSchema is null)
        {
            folder = Path.Combine(Path.GetTempPath(), "ew-ingest-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            sqlitePath = Path.Combine(folder, "store.db");
        }
        var configuration = new Dictionary<string, string?>
        {
            ["EventStore:Adapter"] = postgresSchema is null ? "sqlite" : "postgres",
            ["EventStore:Sqlite:Path"] = sqlitePath,
            ["EventStore:Postgres:Schema"] = postgresSchema,
            ["ConnectionStrings:EventStore"] = postgresSchema is null ? null : PostgresServer.ConnectionString,
            ["Bus:Transport"] = rabbitMqUri is null ? "in-memory" : "rabbitmq",
            ["ConnectionStrings:RabbitMq"] = rabbitMqUri,
            ["Bus:RetryLimit"] = "2",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            configuration[key] = value;

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddServiceDefaults();
        await builder.AddEventStoreAsync();
        builder.AddEarlyWarningBus(bus => bus.AddIngestConsumers());
        builder.AddIngest();
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapIngestApi();
        await app.StartAsync();
        await app.Services.GetRequiredService<IncidentIngest>().Ready.WaitAsync(TimeSpan.FromSeconds(30));
        return new IngestApp(app, folder, postgresSchema);
    }

    /// <summary>The events of <c>$all</c> deserialised, in order.</summary>
    public async Task<List<object>> ReadAllAsync()
    {
        var result = new List<object>();
        await foreach (var recorded in Store.ReadAllAsync(GlobalPosition.Start, long.MaxValue))
        {
            if (Registry.Deserialize(recorded) is { } e)
                result.Add(e);
        }
        return result;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_schema is not null)
            await PostgresServer.DropSchemasAsync([_schema]);
        if (_folder is not null)
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    internal static EventTypeRegistry NewRegistry() => ContractTypes.CreateRegistry();
}
