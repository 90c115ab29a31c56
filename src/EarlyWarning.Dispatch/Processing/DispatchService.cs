using EarlyWarning.Dispatch.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EarlyWarning.Dispatch.Processing;

/// <summary>
/// Runs the dispatch and starts it over, from the store, after any failure: it keeps no state of its own, so a run
/// that failed half-way owes nothing the next run does not find in the store (docs/decisions/0010).
/// </summary>
internal sealed class DispatchService(
    IServiceProvider services,
    DispatchOptions options,
    DispatchStatus status,
    TimeProvider clock,
    ILogger<DispatchService> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Recipients.Count == 0)
            logger.LogWarning("Dispatch has no recipients (Dispatch:Recipients): warnings are recorded but delivered to nobody");
        else
            logger.LogInformation("Dispatch delivers to {Recipients}", string.Join(", ", options.Recipients));

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await services.GetRequiredService<DispatchRun>().RunAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping: whatever ended the run (a cancelled read, a store already disposed) is the stop itself.
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                status.Failed(ex);
                logger.LogError(ex, "Dispatch stopped following the store; starting over from the store in {Delay}", RetryDelay);
                await Task.Delay(RetryDelay, clock, stoppingToken).ConfigureAwait(false);
            }
        }
    }
}
