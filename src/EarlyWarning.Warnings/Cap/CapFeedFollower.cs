using EarlyWarning.Contracts.Warnings;
using EarlyWarning.EventStore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EarlyWarning.Warnings.Cap;

/// <summary>
/// Keeps <see cref="CapFeedIndex"/> up to date: follows the warning streams of <c>$all</c> (filtered in the
/// database, so incidents are never read) from the start, then live. On failure it resubscribes after the last
/// position it took in, so a store outage leaves the feed stale, not empty.
/// </summary>
internal sealed class CapFeedFollower(IEventStore store, EventTypeRegistry registry, CapFeedIndex index, TimeProvider clock, ILogger<CapFeedFollower> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);
    /// <summary>The streams the index reads; incidents never are.</summary>
    internal static readonly EventFilter Filter = EventFilter.ForStreams(WarningStreams.WarningPrefix);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var message in store.SubscribeToAllAsync(index.Position, Filter, stoppingToken).ConfigureAwait(false))
                {
                    switch (message)
                    {
                        case SubscriptionMessage.Event(var recorded):
                            index.Take(recorded, registry);
                            break;
                        case SubscriptionMessage.CaughtUp:
                            index.CaughtUp(clock.GetUtcNow());
                            break;
                    }
                }
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping: whatever ended the run (a cancelled read, a store already disposed) is the stop itself.
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "The CAP feed stopped following the warnings at position {Position}; resubscribing in {Delay}", index.Position, RetryDelay);
                await Task.Delay(RetryDelay, clock, stoppingToken).ConfigureAwait(false);
            }
        }
    }
}
