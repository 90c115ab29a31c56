using EarlyWarning.EventStore;
using EarlyWarning.Partners.Entitlements;
using EarlyWarning.Partners.Registry;

namespace EarlyWarning.Partners.Channels.Webhooks;

/// <summary>
/// Re-delivery by webhook: every event the partner is entitled to after a position, up to the store's head when asked,
/// is posted again in store order with the same body and <c>Idempotency-Key</c> as live delivery sent, through the
/// same sender (so the same circuit breaker). The live checkpoint is not touched; live delivery carries on meanwhile.
/// The first event the policy gives up on stops the re-delivery (<see cref="RedeliveryStoppedException"/>): going on
/// would cost the whole retry policy per event against a receiver that is down. Nothing is dead-lettered: the
/// operator who asked is told.
/// </summary>
internal sealed class WebhookPartnerChannel(IEventStore store, EventTypeRegistry registry, PartnerWebhookSender sender) : IPartnerChannel
{
    public string Name => PartnerWebhookDelivery.Channel;

    public bool Serves(Partner partner) => partner?.Webhook is not null;

    public async Task<RedeliveryResult> RedeliverAsync(Partner partner, long after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partner);
        ArgumentOutOfRangeException.ThrowIfNegative(after);
        var webhook = partner.Webhook ?? throw new InvalidOperationException($"Partner '{partner.Name}' has no webhook.");
        var through = (await store.GetHeadPositionAsync(cancellationToken).ConfigureAwait(false)).Value;
        var position = after;
        var sent = 0;
        // The store reads in pages of its own: one read, stopped at the head as it stood when asked.
        await foreach (var recorded in store.ReadAllAsync(new GlobalPosition(after), long.MaxValue, Entitlement.Streams, cancellationToken).ConfigureAwait(false))
        {
            if (recorded.Position.Value > through)
                break;
            if (partner.Entitlement.Admit(recorded, registry) is { } admitted)
            {
                var result = await sender.SendAsync(webhook, admitted, cancellationToken).ConfigureAwait(false);
                if (!result.Delivered)
                {
                    throw new RedeliveryStoppedException(new RedeliveryResult(Name, partner.Name, after, position, sent),
                        $"The receiver did not take event {admitted.Id} at position {admitted.Position}: {result.Error}");
                }
                sent++;
            }
            position = recorded.Position.Value;
        }
        return new RedeliveryResult(Name, partner.Name, after, through, sent);
    }
}
