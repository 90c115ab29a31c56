using EarlyWarning.EventStore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EarlyWarning.Warnings.Board;

/// <summary>
/// Keeps the board current: reads the store from the start at each process start (the board is memory only;
/// incidents beyond its capacity and every warning fold in seconds), then follows it live. A store outage
/// pauses the board, which resumes from the last position it folded.
/// </summary>
internal sealed class WarningBoardService(IEventStore store, WarningBoard board, TimeProvider clock, ILogger<WarningBoardService> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var after = new GlobalPosition(board.Position);
                await foreach (var message in store.SubscribeToAllAsync(after, Picture.Filter, stoppingToken).ConfigureAwait(false))
                {
                    switch (message)
                    {
                        case SubscriptionMessage.Event(var recorded):
                            board.Apply(recorded);
                            break;
                        case SubscriptionMessage.CaughtUp(var head):
                            board.MarkCaughtUp(head);
                            break;
                        case SubscriptionMessage.CheckpointReached(var scanned):
                            board.ReadTo(scanned);
                            break;
                        case SubscriptionMessage.FellBehind:
                            board.MarkFellBehind();
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
                board.MarkFellBehind();
                logger.LogError(ex, "The warnings board stopped following the store; resuming after position {Position} in {Delay}", board.Position, RetryDelay);
                await Task.Delay(RetryDelay, clock, stoppingToken).ConfigureAwait(false);
            }
        }
    }
}
