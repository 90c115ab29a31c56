using Microsoft.Extensions.Logging;

namespace EarlyWarning.EventStore;

/// <summary>
/// Runs a handler over <c>$all</c> from its stored checkpoint. A handler's appends and the checkpoint that
/// covers the event commit in one transaction, so a crash can neither lose a handler's effect nor apply it
/// twice. Events that lead to no append move the checkpoint lazily (every <see cref="CheckpointEvery"/> events
/// and when caught up): replaying them after a crash appends nothing, so no effect is repeated.
/// A handler that throws stops the run with nothing of that event committed.
/// </summary>
public sealed class CheckpointedSubscription(IEventStore store, string subscriptionId, IEventHandler handler, EventFilter? filter, ILogger logger)
{
    public int CheckpointEvery { get; init; } = 256;

    public string SubscriptionId { get; } = subscriptionId;

    /// <summary>Raised on every caught-up and fell-behind, for health and metrics.</summary>
    public event Action<SubscriptionMessage>? StateChanged;

    /// <summary>
    /// Raised after each event is handled and whatever it appended is committed, and when a live scan passes events
    /// the filter leaves out: readers may now see the effect of everything up to the position.
    /// </summary>
    public event Action<GlobalPosition>? Handled;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var start = await store.LoadCheckpointAsync(SubscriptionId, cancellationToken).ConfigureAwait(false) ?? GlobalPosition.Start;
        var committed = start;
        var handled = start;
        logger.LogInformation("Subscription {Subscription} starting after position {Position}", SubscriptionId, start);

        await foreach (var message in store.SubscribeToAllAsync(start, filter, cancellationToken).ConfigureAwait(false))
        {
            switch (message)
            {
                case SubscriptionMessage.Event(var recorded):
                    var context = new HandlerContext();
                    await handler.HandleAsync(recorded, context, cancellationToken).ConfigureAwait(false);
                    handled = recorded.Position;
                    committed = await HandledUpToAsync(handled, context.Appends, committed, cancellationToken).ConfigureAwait(false);
                    break;
                case SubscriptionMessage.CaughtUp(var position):
                    handled = position > handled ? position : handled;
                    if (handled > committed)
                    {
                        await store.AppendAsync([], new Checkpoint(SubscriptionId, handled), cancellationToken).ConfigureAwait(false);
                        committed = handled;
                    }
                    StateChanged?.Invoke(message);
                    break;
                case SubscriptionMessage.CheckpointReached(var position) when position > handled:
                    // Live, the scan passed events the filter leaves out (often the handler's own appends): there
                    // is nothing to handle, but everything up to here is handled, as after an event that appends nothing.
                    handled = position;
                    committed = await HandledUpToAsync(handled, [], committed, cancellationToken).ConfigureAwait(false);
                    break;
                case SubscriptionMessage.FellBehind:
                    StateChanged?.Invoke(message);
                    break;
            }
        }
    }

    /// <summary>
    /// Everything up to <paramref name="handled"/> is handled: commits <paramref name="appends"/> with the checkpoint,
    /// or the checkpoint alone once it lags <see cref="CheckpointEvery"/> positions behind, then raises
    /// <see cref="Handled"/>. Returns the position now committed.
    /// </summary>
    private async Task<GlobalPosition> HandledUpToAsync(GlobalPosition handled, IReadOnlyList<StreamAppend> appends, GlobalPosition committed, CancellationToken cancellationToken)
    {
        if (appends.Count > 0 || handled.Value - committed.Value >= CheckpointEvery)
        {
            await store.AppendAsync(appends, new Checkpoint(SubscriptionId, handled), cancellationToken).ConfigureAwait(false);
            committed = handled;
        }
        Handled?.Invoke(handled);
        return committed;
    }
}
