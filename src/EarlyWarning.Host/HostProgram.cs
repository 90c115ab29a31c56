using EarlyWarning.EventStore;
using EarlyWarning.Ingest;
using EarlyWarning.Ingest.Http;
using EarlyWarning.ServiceDefaults.Bus;
using EarlyWarning.Sources.Scenario;
using EarlyWarning.ServiceDefaults;

namespace EarlyWarning.Host;

/// <summary>
/// Builds and runs the host. Every failure a user can cause or meet (bad option, unusable configuration,
/// unreachable store, port taken) ends in one line on stderr and a non-zero exit, not a stack trace.
/// </summary>
internal static class HostProgram
{
    public const int ExitUsage = 2;
    public const int ExitUnavailable = 1;

    public static async Task<int> RunAsync(string[] args)
    {
        HostCommandLine options;
        try
        {
            options = HostCommandLine.Parse(args);
        }
        catch (CommandLineException ex)
        {
            return Fail(ExitUsage, ex.Message);
        }
        if (options.Help)
        {
            Console.WriteLine(HostCommandLine.Usage);
            return 0;
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(options.ToConfiguration());
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, options.Port));
        builder.AddServiceDefaults();
        try
        {
            await builder.AddEventStoreAsync();
            builder.AddEarlyWarningBus(bus => bus.AddIngestConsumers());
            builder.AddIngest();
            if (options.Demo)
            {
                builder.Services.AddScenarioPlayer();
                builder.Services.AddHostedService(sp => ActivatorUtilities.CreateInstance<DemoPlayback>(sp, ScenarioSpeed.Of(options.DemoSpeed)));
            }
        }
        catch (ArgumentException ex)
        {
            return Fail(ExitUsage, ex.Message);
        }
        catch (StoreUnavailableException ex)
        {
            return Fail(ExitUnavailable, ex.Message);
        }

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapIngestApi();
        app.MapGet("/", () => Results.Json(new { service = "EarlyWarning", health = "/health", incidents = "/api/incidents", rejections = "/api/rejections" }));
        try
        {
            await app.StartAsync();
        }
        catch (IOException ex)
        {
            await app.DisposeAsync();
            return Fail(ExitUnavailable, $"cannot listen on 127.0.0.1:{options.Port}: {ex.Message}");
        }
        Console.WriteLine($"EarlyWarning is listening on http://127.0.0.1:{options.Port} (health: /health). Ctrl+C stops it.");
        await app.WaitForShutdownAsync();
        await app.DisposeAsync();
        return 0;
    }

    private static int Fail(int code, string message)
    {
        Console.Error.WriteLine($"earlywarning: {message}");
        return code;
    }
}
