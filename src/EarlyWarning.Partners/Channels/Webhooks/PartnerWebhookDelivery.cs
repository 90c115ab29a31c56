using EarlyWarning.Contracts.Partners;
using EarlyWarning.EventStore;
using EarlyWarning.Partners.Entitlements;
using EarlyWarning.Partners.Registry;
using Microsoft.Extensions.Logging;

namespace EarlyWarning.Partners.Channels.Webhooks;

/// <summary>
/// One partner's webhook delivery: follows <c>$all</c> from the partner's checkpoint, admits each event through the
/// partner's entitlement, and posts the admitted ones one at a time in store order. A delivered event moves the
/// checkpoint (written at most every <see cref="PartnerWebhooksOptions.CheckpointInterval"/> or
/// <see cref="PartnerWebhooksOptions.CheckpointEvery"/> positions, and at a stop); an event the policy gives up on is
/// dead-lettered on <c>partner-{name}</c> in the same commit as the checkpoint past it, and delivery goes on.
/// </summary>
internal sealed class PartnerWebhookDelivery(
    string partnerName,
    IEventStore store,
    EventTypeRegistry registry,
    PartnerRegistry partners,
    PartnerWebhookSender sender,
    PartnerWebhooksOptions options,
    TimeProvider clock,
    ILogger logger)
{
    public const string Channel = "webhook";

    private static readonly Guid DeadLetterNamespace = new("0b6f2f3e-5d0a-4c4e-9a57-0c7d3e1f8a24");

    private GlobalPosition _committed;
    private DateTimeOffset _committedAt;

    /// <summary>The checkpoint of a partner's webhook in the store.</summary>
    public static string SubscriptionId(string partnerName) => "partner-webhook-" + partnerName;

    /// <summary>
    /// The dead letter of one event for one partner: the same id however often it is decided, so a repeat after a
    /// crash is taken by the store as the same append.
    /// </summary>
    public static Guid DeadLetterId(string partnerName, Guid eventId) =>
        EventIds.FromName(DeadLetterNamespace, $"{Channel}:{partnerName}:{eventId}");

    /// <summary>
    /// Delivers until cancelled, or until the partner is gone or has no webhook any more (then it returns). A
    /// partner without a checkpoint starts at the store's head: history is the operator's to re-deliver, not
    /// something a new webhook floods its receiver with.
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancelled; the checkpoint of what was delivered is written first.</exception>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var subscription = SubscriptionId(partnerName);
        var start = await store.LoadCheckpointAsync(subscription, cancellationToken).ConfigureAwait(false);
        if (start is null)
        {
            start = await store.GetHeadPositionAsync(cancellationToken).ConfigureAwait(false);
            await store.AppendAsync([], new Checkpoint(subscription, start.Value), cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Webhook of partner {Partner} starts at the store's head, position {Position}", partnerName, start);
        }
        else
        {
            logger.LogInformation("Webhook of partner {Partner} resumes after position {Position}", partnerName, start);
        }
        _committed = start.Value;
        _committedAt = clock.GetUtcNow();
        var handled = _committed;
        try
        {
            await foreach (var message in store.SubscribeToAllAsync(_committed, Entitlement.Streams, cancellationToken).ConfigureAwait(false))
            {
                switch (message)
                {
                    case SubscriptionMessage.Event(var recorded):
                        // Read afresh for every event: an administrator may change or remove the partner meanwhile.
                        var partner = partners.Find(partnerName);
                        if (partner?.Webhook is not { } webhook)
                            return;
                        if (partner.Entitlement.Admit(recorded, registry) is { } admitted)
                            await DeliverAsync(webhook, admitted, cancellationToken).ConfigureAwait(false);
                        handled = recorded.Position;
                        if (handled.Value - _committed.Value >= PartnerWebhooksOptions.CheckpointEvery || clock.GetUtcNow() - _committedAt >= options.CheckpointInterval)
                            await CommitAsync([], handled, cancellationToken).ConfigureAwait(false);
                        break;
                    case SubscriptionMessage.CaughtUp(var position):
                        handled = position > handled ? position : handled;
                        if (handled > _committed)
                            await CommitAsync([], handled, cancellationToken).ConfigureAwait(false);
                        break;
                }
            }
        }
        finally
        {
            // Every position up to `handled` is delivered or dead-lettered: a stop writes it, so a restart re-sends nothing.
            if (handled > _committed)
            {
                try
                {
                    await CommitAsync([], handled, CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is EventStoreException or InvalidOperationException or ObjectDisposedException)
                {
                    logger.LogWarning(ex, "Webhook of partner {Partner}: the checkpoint at {Position} was not written; the events after {Committed} will be sent again", partnerName, handled, _committed);
                }
            }
        }
    }

    /// <summary>Posts one event; when the policy gives up, records the dead letter with the checkpoint at the event.</summary>
    private async Task DeliverAsync(PartnerWebhook webhook, AdmittedEvent admitted, CancellationToken cancellationToken)
    {
        var result = await sender.SendAsync(webhook, admitted, cancellationToken).ConfigureAwait(false);
        if (result.Delivered)
            return;
        logger.LogWarning("Webhook of partner {Partner}: event {EventId} at position {Position} dead-lettered: {Error}", partnerName, admitted.Id, admitted.Position, result.Error);
        var failed = new PartnerDeliveryFailed(partnerName, Channel, admitted.Id, admitted.Type, admitted.Stream, admitted.Position,
            result.Attempts, result.StatusCode, result.Error ?? "not delivered", clock.GetUtcNow());
        var data = registry.ToEventData(failed, DeadLetterId(partnerName, admitted.Id), new EventMetadata { CausationId = admitted.Id.ToString(), Source = "partner-webhooks" });
        await CommitAsync([new StreamAppend(PartnerStreams.Partner(partnerName), ExpectedRevision.Any, [data])], new GlobalPosition(admitted.Position), cancellationToken).ConfigureAwait(false);
    }

    private async Task CommitAsync(IReadOnlyList<StreamAppend> appends, GlobalPosition position, CancellationToken cancellationToken)
    {
        await store.AppendAsync(appends, new Checkpoint(SubscriptionId(partnerName), position), cancellationToken).ConfigureAwait(false);
        _committed = position;
        _committedAt = clock.GetUtcNow();
    }
}
