using EarlyWarning.Ingest;
using EarlyWarning.ServiceDefaults;
using EarlyWarning.ServiceDefaults.Bus;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EarlyWarning.Benchmarks.Ingest;

/// <summary>
/// The in-process hosts the suite runs: the ingest service wired exactly as
/// <c>src/EarlyWarning.Ingest.Service/Program.cs</c> wires it (without Kestrel, which the bus path does not
/// touch), the raw bus with a consumer that does nothing, and a publisher host like the feeds'. Each host is
/// configured through the same keys as the services (<c>Bus:*</c>, <c>EventStore:*</c>, <c>ConnectionStrings:*</c>).
/// </summary>
public static class BenchmarkHosts
{
    /// <summary>The ingest service: ServiceDefaults, the store, the bus with ingest's consumers, ingest.</summary>
    public static async Task<IHost> StartIngestAsync(IReadOnlyDictionary<string, string?> configuration)
    {
        var builder = CreateBuilder(configuration);
        builder.AddServiceDefaults();
        await builder.AddEventStoreAsync();
        builder.AddEarlyWarningBus(bus => bus.AddIngestConsumers());
        builder.AddIngest();
        var host = await StartAsync(builder);
        await host.Services.GetRequiredService<IncidentIngest>().Ready.WaitAsync(TimeSpan.FromSeconds(60));
        return host;
    }

    /// <summary>The same bus, endpoint settings and telemetry, with <see cref="NullReportConsumer"/> as the only consumer.</summary>
    public static Task<IHost> StartRawAsync(IReadOnlyDictionary<string, string?> configuration, Arrivals arrivals)
    {
        var builder = CreateBuilder(configuration);
        builder.AddServiceDefaults();
        builder.Services.AddSingleton(arrivals);
        builder.AddEarlyWarningBus(bus => bus.AddConsumer<NullReportConsumer>().Endpoint(e => e.Name = NullReportConsumer.EndpointName));
        return StartAsync(builder);
    }

    /// <summary>A bus with no consumers, its own connection to the broker: what a feed publishes through.</summary>
    public static Task<IHost> StartPublisherAsync(IReadOnlyDictionary<string, string?> configuration)
    {
        var builder = CreateBuilder(configuration);
        builder.AddServiceDefaults();
        builder.AddEarlyWarningBus();
        return StartAsync(builder);
    }

    public static async Task StopAsync(IHost host)
    {
        try
        {
            await host.StopAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            if (host is IAsyncDisposable disposable)
                await disposable.DisposeAsync();
            else
                host.Dispose();
        }
    }

    /// <summary>
    /// A generic host on the SQLite store at <paramref name="storePath"/> with the service defaults, <paramref name="settings"/>
    /// over them, its logs on stderr (stdout is the report), and the parts <paramref name="add"/> wires, started.
    /// </summary>
    public static async Task<IHost> StartOnSqliteAsync(string storePath, IReadOnlyDictionary<string, string?> settings, Action<HostApplicationBuilder> add)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["EventStore:Adapter"] = "sqlite",
            ["EventStore:Sqlite:Path"] = storePath,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddSingleton<IHostLifetime, HostLifetime>();
        builder.AddServiceDefaults();
        await builder.AddEventStoreAsync();
        add(builder);
        return await StartAsync(builder);
    }

    private static HostApplicationBuilder CreateBuilder(IReadOnlyDictionary<string, string?> configuration)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Configuration.AddInMemoryCollection(configuration);
        // Stdout is the report: the hosts' logs (warnings and worse) go to stderr with the progress lines.
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddSingleton<IHostLifetime, HostLifetime>();
        builder.Services.Configure<MassTransitHostOptions>(options =>
        {
            options.WaitUntilStarted = true;
            options.StartTimeout = TimeSpan.FromSeconds(30);
            options.StopTimeout = TimeSpan.FromSeconds(30);
        });
        return builder;
    }

    private static async Task<IHost> StartAsync(HostApplicationBuilder builder)
    {
        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }
        return host;
    }
}
