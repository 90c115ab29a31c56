using EarlyWarning.EventStore;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace EarlyWarning.ServiceDefaults;

/// <summary>
/// Runs one service as its own process. Every failure an operator can cause or meet (unusable configuration,
/// unreachable store, port taken) ends in one line on stderr, <c>{service}: reason</c>, and a non-zero exit:
/// 2 for configuration, 1 for what is unavailable.
/// </summary>
public static class ServiceHost
{
    public const int ExitUsage = 2;
    public const int ExitUnavailable = 1;

    public static async Task<int> RunAsync(string service, string[] args, Func<WebApplicationBuilder, Task> configure, Action<WebApplication> map)
    {
        ArgumentNullException.ThrowIfNull(configure);
        ArgumentNullException.ThrowIfNull(map);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.AddServiceDefaults();
        try
        {
            await configure(builder).ConfigureAwait(false);
        }
        catch (ArgumentException ex)
        {
            return Fail(service, ExitUsage, ex.Message);
        }
        catch (StoreUnavailableException ex)
        {
            return Fail(service, ExitUnavailable, ex.Message);
        }

        var app = builder.Build();
        app.MapDefaultEndpoints();
        map(app);
        try
        {
            await app.StartAsync().ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            return Fail(service, ExitUnavailable, $"cannot listen: {ex.Message}");
        }
        Console.WriteLine($"EarlyWarning {service} is listening on {string.Join(", ", app.Urls)} (health: /health).");
        await app.WaitForShutdownAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        return 0;
    }

    private static int Fail(string service, int code, string message)
    {
        Console.Error.WriteLine($"{service}: {message}");
        return code;
    }
}
