using EarlyWarning.ServiceDefaults;
using EarlyWarning.ServiceDefaults.Bus;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EarlyWarning.Sources.Scenario.CommandLine;

/// <summary>
/// The executable: options, the scenario file, the bus, the playback. Every failure a user can cause or meet
/// (bad option, bad file, bus misconfigured, broker unreachable, a publish failing) ends in one line on
/// stderr starting <c>scenario: </c> and a non-zero exit, not a stack trace.
/// </summary>
internal static class ScenarioProgram
{
    public const int ExitUnavailable = 1;
    public const int ExitUsage = 2;
    public const int ExitStopped = 130;

    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(string[] args)
    {
        ScenarioCommandLine command;
        try
        {
            command = ScenarioCommandLine.Parse(args);
        }
        catch (CommandLineException ex)
        {
            return Fail(ExitUsage, ex.Message);
        }
        if (command.Help)
        {
            Console.WriteLine(ScenarioCommandLine.Usage);
            return 0;
        }

        ScenarioFile scenario;
        try
        {
            scenario = ScenarioFile.Open(command.Options.File);
        }
        catch (ScenarioFileException ex)
        {
            return Fail(ExitUsage, ex.Message);
        }
        var plan = scenario.Plan(command.Options);
        if (command.DryRun)
        {
            foreach (var line in plan.Describe())
                Console.WriteLine(line);
            return 0;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        });
        builder.AddServiceDefaults();
        BusConfiguration bus;
        try
        {
            // MassTransit reports usage to its vendor over the internet unless told not to; nothing leaves for that.
            bus = builder.AddEarlyWarningBus();
        }
        catch (ArgumentException ex)
        {
            return Fail(ExitUsage, ex.Message);
        }
        builder.Services.AddScenarioPlayer();

        if (bus.Transport == BusConfiguration.RabbitMq && await BrokerProbe.ProblemAsync(bus, ProbeTimeout) is { } problem)
            return Fail(ExitUnavailable, $"cannot reach RabbitMQ at {bus.Describe()}: {problem}");

        using var host = builder.Build();
        if (bus.Transport == BusConfiguration.InMemory)
            host.Services.GetRequiredService<ILogger<ScenarioPlayer>>().LogWarning("The bus is in-memory: the messages reach no other process. Set Bus__Transport=rabbitmq.");
        await host.StartAsync();

        var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        ScenarioSummary summary;
        try
        {
            summary = await host.Services.GetRequiredService<ScenarioPlayer>().PlayAsync(plan, stopping);
        }
        catch (ScenarioPlaybackException ex)
        {
            await StopAsync(host);
            return Fail(ExitUnavailable, ex.Message);
        }
        await StopAsync(host);

        if (summary.Stopped)
            return Fail(ExitStopped, $"{summary} (run {summary.RunId})");
        Console.WriteLine($"Scenario {scenario.Name}: {summary} to {bus.Describe()} (run {summary.RunId}).");
        return 0;
    }

    private static async Task StopAsync(IHost host)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.StopAsync(limit.Token);
    }

    private static int Fail(int code, string message)
    {
        Console.Error.WriteLine($"scenario: {message}");
        return code;
    }
}
