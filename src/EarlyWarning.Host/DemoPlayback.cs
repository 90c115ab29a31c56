using EarlyWarning.Ingest;
using EarlyWarning.Sources.Scenario;

namespace EarlyWarning.Host;

/// <summary>
/// <c>--demo</c>: plays the shipped scenario onto the in-process bus once ingest is ready, fast enough that the
/// coordinated attacks of 30–31 January start within a minute. Played again on the same store, every report is
/// a duplicate and nothing new is recorded.
/// </summary>
internal sealed class DemoPlayback(ScenarioPlayer player, IncidentIngest ingest, ScenarioSpeed speed, ILogger<DemoPlayback> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await ingest.Ready.WaitAsync(stoppingToken);
        var scenario = ScenarioFile.Default;
        logger.LogInformation("Demo: playing the illustrative scenario '{Scenario}' at {Speed}x ({Count} messages; history first, then from {LiveFrom:u} on the clock)",
            scenario.Name, speed.Factor, scenario.Messages.Count, scenario.LiveFrom);
        var summary = await player.PlayAsync(scenario, new ScenarioOptions { Speed = speed }, stoppingToken);
        logger.LogInformation("Demo: {Published} of {Planned} messages played{Stopped}", summary.Published, summary.Planned, summary.Stopped ? " (stopped)" : "");
    }
}
