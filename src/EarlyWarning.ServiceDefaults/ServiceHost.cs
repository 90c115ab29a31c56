using EarlyWarning.EventStore;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace EarlyWarning.ServiceDefaults;

/// <summary>
/// Runs a service, or the all-in-one host, as a process. Every failure an operator can cause or meet
/// (unusable configuration, unreachable store, port taken) ends in one line on stderr, <c>{name}: reason</c>,
/// and a non-zero exit: 2 for configuration, 1 for what is unavailable.
/// </summary>
public static class ServiceHost
{
    public const int ExitUsage = 2;
    public const int ExitUnavailable = 1;

    /// <param name="name">The prefix of error lines, e.g. <c>ingest</c>.</param>
    /// <param name="args">Command-line arguments, read as configuration.</param>
    /// <param name="configure">Adds the service's parts; may throw <see cref="ArgumentException"/> or <see cref="StoreUnavailableException"/>.</param>
    /// <param name="map">Maps the service's endpoints besides /health.</param>
    /// <param name="title">Who says it is listening; <c>EarlyWarning {name}</c> by default.</param>
    /// <param name="address">Where it listens, for the error when it cannot; the <c>Urls</c> setting by default.</param>
    public static async Task<int> RunAsync(
        string name, string[] args, Func<WebApplicationBuilder, Task> configure, Action<WebApplication> map, string? title = null, string? address = null)
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
            return Fail(name, ExitUsage, ex.Message);
        }
        catch (StoreUnavailableException ex)
        {
            return Fail(name, ExitUnavailable, ex.Message);
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
            // Stop before disposing: disposal alone cancels the background services behind the host's back, and
            // the host then reports each cancelled one as a crash (with a stack trace) instead of a stop.
            await app.StopAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
            return Fail(name, ExitUnavailable, $"cannot listen on {address ?? builder.Configuration["Urls"]}: {ex.Message}");
        }
        Console.WriteLine($"{title ?? "EarlyWarning " + name} is listening on {string.Join(", ", app.Urls)} (health: /health). Ctrl+C stops it.");
        await app.WaitForShutdownAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        return 0;
    }

    /// <summary>One line on stderr, <c>{name}: message</c>, and the exit code to return.</summary>
    public static int Fail(string name, int code, string message)
    {
        Console.Error.WriteLine($"{name}: {message}");
        return code;
    }
}
