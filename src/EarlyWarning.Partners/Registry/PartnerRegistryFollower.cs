using EarlyWarning.Contracts.Partners;
using EarlyWarning.EventStore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EarlyWarning.Partners.Registry;

/// <summary>
/// Keeps <see cref="PartnerRegistry"/> current with the partners registered through the API: at start it folds
/// every <c>partner-*</c> stream before the service goes on (so a partner's key works from the first request after
/// a restart), then follows the store live, so a registration, rotation or removal made on another instance takes
/// effect here within a poll of the store. A store outage pauses it; it resumes after the last position it folded.
/// </summary>
internal sealed class PartnerRegistryFollower(
    IEventStore store, EventTypeRegistry types, PartnerRegistry registry, TimeProvider clock, ILogger<PartnerRegistryFollower> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    /// <summary>How long the start waits for the first fold before it goes on without (the store is slow or down).</summary>
    private static readonly TimeSpan StartWait = TimeSpan.FromSeconds(30);

    private static readonly EventFilter Filter = EventFilter.ForStreams(PartnerStreams.PartnerPrefix);

    private readonly TaskCompletionSource _caughtUp = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private GlobalPosition _position = GlobalPosition.Start;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _caughtUp.Task.WaitAsync(StartWait, clock, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            logger.LogWarning("The partners registered through the API are not read yet after {Wait}; their keys are refused until they are", StartWait);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var message in store.SubscribeToAllAsync(_position, Filter, stoppingToken).ConfigureAwait(false))
                {
                    switch (message)
                    {
                        case SubscriptionMessage.Event(var recorded):
                            if (registry.Apply(types.Deserialize(recorded), recorded.Revision.Value) is { } ignored)
                                logger.LogError("{Reason} ({Stream})", ignored, recorded.Stream);
                            _position = recorded.Position;
                            break;
                        case SubscriptionMessage.CaughtUp:
                            _caughtUp.TrySetResult();
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
                logger.LogError(ex, "The partner registry stopped following the store; resuming after position {Position} in {Delay}", _position, RetryDelay);
                await Task.Delay(RetryDelay, clock, stoppingToken).ConfigureAwait(false);
            }
        }
    }
}
