using EarlyWarning.EventStore;
using EarlyWarning.Ingest;
using EarlyWarning.ServiceDefaults;
using EarlyWarning.Sources.Scenario;
using EarlyWarning.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EarlyWarning.Cli.Tests;

/// <summary>
/// A SQLite store holding the shipped scenario as ingest records it: every message sent through ingest wired as the
/// services wire it, in publishing order, each answered before the next. Filled once for the tests that share it,
/// and closed before ew opens it.
/// </summary>
public sealed class ScenarioStore : IAsyncLifetime
{
    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ew-cli-tests", Guid.NewGuid().ToString("N"));

    public string Path => System.IO.Path.Combine(_folder, "store.db");

    /// <summary>The <c>--store</c> argument for it.</summary>
    public string Argument => "sqlite:" + Path;

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        return IngestAsync(Path, (ingest, _) => ScenarioIngest.PlayAsync(ingest, ScenarioFile.Default.Messages));
    }

    /// <summary>
    /// Fills the SQLite store at <paramref name="path"/> through ingest wired as the services wire it: <paramref name="play"/>
    /// sends the messages and may read the store; the store is closed when it returns.
    /// </summary>
    public static async Task IngestAsync(string path, Func<IncidentIngest, IEventStore, Task> play)
    {
        ArgumentNullException.ThrowIfNull(play);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["EventStore:Adapter"] = "sqlite",
            ["EventStore:Sqlite:Path"] = path,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        await builder.AddEventStoreAsync();
        builder.AddIngest();
        using var host = builder.Build();
        await host.StartAsync();
        var ingest = host.Services.GetRequiredService<IncidentIngest>();
        await ingest.Ready.WaitAsync(TimeSpan.FromSeconds(30));
        await play(ingest, host.Services.GetRequiredService<IEventStore>());
        await host.StopAsync();
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
        return Task.CompletedTask;
    }
}
