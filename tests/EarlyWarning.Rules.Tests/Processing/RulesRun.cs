using EarlyWarning.Contracts.Warnings;
using EarlyWarning.EventStore;
using EarlyWarning.Ingest;
using EarlyWarning.Rules.Processing;
using EarlyWarning.ServiceDefaults;
using EarlyWarning.Sources.Scenario;
using EarlyWarning.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EarlyWarning.Rules.Tests.Processing;

/// <summary>
/// Ingest and, optionally, the rules service wired as the host wires them, in the test process, on a real SQLite
/// file or PostgreSQL schema: the scenario goes in through ingest, warnings come out of the rules service.
/// </summary>
public sealed class RulesRun : IAsyncDisposable
{
    private readonly IHost _host;

    private RulesRun(IHost host) => _host = host;

    public IEventStore Store => _host.Services.GetRequiredService<IEventStore>();

    public EventTypeRegistry Registry => _host.Services.GetRequiredService<EventTypeRegistry>();

    public IncidentIngest Ingest => _host.Services.GetRequiredService<IncidentIngest>();

    public RulesStatus? Status => _host.Services.GetService<RulesStatus>();

    /// <param name="rules">Whether the rules service runs in this process.</param>
    /// <param name="sqlitePath">The store file; a new one in a temp folder when null and no schema is given.</param>
    /// <param name="postgresSchema">Use PostgreSQL with this schema.</param>
    public static async Task<RulesRun> StartAsync(bool rules, string? sqlitePath = null, string? postgresSchema = null)
    {
        if (sqlitePath is null && postgresSchema is null)
        {
            var folder = Path.Combine(Path.GetTempPath(), "ew-rules-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            sqlitePath = Path.Combine(folder, "store.db");
        }
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["EventStore:Adapter"] = postgresSchema is null ? "sqlite" : "postgres",
            ["EventStore:Sqlite:Path"] = sqlitePath,
            ["EventStore:Postgres:Schema"] = postgresSchema,
            ["ConnectionStrings:EventStore"] = postgresSchema is null ? null : PostgresServer.ConnectionString,
            ["Rules:Directory"] = Repository.Rules,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        await builder.AddEventStoreAsync();
        builder.AddIngest();
        if (rules)
            builder.AddRules();
        var host = builder.Build();
        await host.StartAsync();
        return new RulesRun(host);
    }

    /// <summary>Sends every entry through ingest, in order, each answered before the next is sent.</summary>
    public Task PlayAsync(IEnumerable<ScenarioEntry> entries) => ScenarioIngest.PlayAsync(Ingest, entries);

    /// <summary>Waits until the rules service has evaluated everything recorded so far.</summary>
    public async Task WaitForRulesAsync(TimeSpan? timeout = null)
    {
        // The rules' own appends are not their input; they are caught up when the last input is behind the checkpoint.
        var lastInput = GlobalPosition.Start;
        await foreach (var e in Store.ReadAllAsync(GlobalPosition.Start, long.MaxValue, EngineInput.Filter))
            lastInput = e.Position;
        await Eventually.TrueAsync(() => Status!.Failure is null && Status.Position >= lastInput, timeout ?? TimeSpan.FromSeconds(60), "the rules service to catch up with the store", () => $"failure: {Status!.Failure}, position {Status.Position}, last input {lastInput}");
    }

    /// <summary>Every warning event in the store, in store order.</summary>
    public async Task<List<RecordedEvent>> WarningEventsAsync()
    {
        var events = new List<RecordedEvent>();
        await foreach (var e in Store.ReadAllAsync(GlobalPosition.Start, long.MaxValue, EventFilter.ForStreams(WarningStreams.WarningPrefix)))
            events.Add(e);
        return events;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
