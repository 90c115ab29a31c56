using System.Net;
using EarlyWarning.Contracts;
using EarlyWarning.Contracts.Incidents;
using EarlyWarning.EventStore;
using EarlyWarning.EventStore.Postgres;
using EarlyWarning.Testing;

namespace EarlyWarning.Ingest.Service.Tests;

/// <summary>
/// The distributed deployment in miniature: a RabbitMQ virtual host and a PostgreSQL schema of its own, the
/// ingest service and the scenario player as separate processes, and the store read back by the test.
/// </summary>
public sealed class DistributedRun : IAsyncDisposable
{
    private readonly VirtualHost _vhost;
    private readonly string _schema;
    private readonly List<ChildProcess> _processes = [];

    private DistributedRun(VirtualHost vhost, string schema)
    {
        _vhost = vhost;
        _schema = schema;
    }

    public EventTypeRegistry Registry { get; } = ContractTypes.CreateRegistry();

    public static async Task<DistributedRun> CreateAsync()
    {
        await PostgresServer.EnsureReachableAsync();
        return new DistributedRun(await RabbitMqServer.CreateVirtualHostAsync(), PostgresServer.NewSchemaName());
    }

    private Dictionary<string, string> Environment(int? port = null) => new()
    {
        ["Bus__Transport"] = "rabbitmq",
        ["ConnectionStrings__RabbitMq"] = _vhost.Uri,
        ["EventStore__Adapter"] = "postgres",
        ["ConnectionStrings__EventStore"] = PostgresServer.ConnectionString,
        ["EventStore__Postgres__Schema"] = _schema,
        ["Urls"] = $"http://127.0.0.1:{port ?? Ports.Free()}",
    };

    /// <summary>Starts the ingest service and waits until its consumers are bound.</summary>
    public async Task<ChildProcess> StartIngestAsync()
    {
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = ChildProcess.Start(BuiltProgram.Locate("src", "EarlyWarning.Ingest.Service"), [], null, Environment(),
            line => { if (line.Contains("is listening on", StringComparison.Ordinal)) ready.TrySetResult(); });
        _processes.Add(process);
        var started = await Task.WhenAny(ready.Task, Task.Delay(TimeSpan.FromSeconds(60)));
        if (started != ready.Task)
            throw new InvalidOperationException($"The ingest service did not start: {string.Join('\n', process.Errors)}");
        // Its queues exist once the bus is up; the endpoint health check says so.
        await Eventually.TrueAsync(async () => await IsHealthyAsync(process), TimeSpan.FromSeconds(60), "the ingest service to be healthy");
        return process;
    }

    public ChildProcess StartScenario(params string[] arguments)
    {
        var process = ChildProcess.Start(BuiltProgram.Locate("src", "EarlyWarning.Sources.Scenario"), arguments, null, Environment());
        _processes.Add(process);
        return process;
    }

    public async Task<List<(RecordedEvent Recorded, object Event)>> ReadAllAsync()
    {
        await using var store = await PostgresEventStore.OpenAsync(new PostgresEventStoreSettings(PostgresServer.ConnectionString) { Schema = _schema }, null, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        var result = new List<(RecordedEvent, object)>();
        await foreach (var recorded in store.ReadAllAsync(GlobalPosition.Start, long.MaxValue))
        {
            if (Registry.Deserialize(recorded) is { } e)
                result.Add((recorded, (object)e));
        }
        return result;
    }

    public async Task<int> CountAcceptedAsync() => (await ReadAllAsync()).Count(x => x.Event is ReportAccepted);

    private static async Task<bool> IsHealthyAsync(ChildProcess process)
    {
        var url = process.Output.Select(l => l.Split("listening on ", 2)).Where(p => p.Length == 2).Select(p => p[1].Split(' ')[0].TrimEnd(',')).FirstOrDefault();
        if (url is null)
            return false;
        using var client = new HttpClient();
        try
        {
            return (await client.GetAsync(new Uri(new Uri(url), "/health"))).StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
            process.Dispose();
        await _vhost.DisposeAsync();
        await PostgresServer.DropSchemasAsync([_schema]);
    }
}
