using EarlyWarning.EventStore;
using EarlyWarning.Partners.Entitlements;
using EarlyWarning.Partners.Registry;

namespace EarlyWarning.Partners.Channels.Amqp;

/// <summary>
/// Re-delivery over AMQP: what the partner is entitled to after a position, up to the store's head when asked, is
/// published again to that partner's exchange only, with the same CloudEvent ids and bodies the relay sent, on a
/// connection of its own and with confirms. The relay's checkpoint is not touched; it carries on meanwhile.
/// </summary>
internal sealed class AmqpPartnerChannel(IEventStore store, EventTypeRegistry registry, PartnerAmqpConnections connections, PartnerAmqpOptions options) : IPartnerChannel
{
    public const string ChannelName = "amqp";

    public string Name => ChannelName;

    public bool Serves(Partner partner) => options.Relays;

    public async Task<RedeliveryResult> RedeliverAsync(Partner partner, long after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partner);
        ArgumentOutOfRangeException.ThrowIfNegative(after);
        var through = (await store.GetHeadPositionAsync(cancellationToken).ConfigureAwait(false)).Value;
        var sent = 0;
        await using var connection = await connections.ConnectAsync($"earlywarning-partner-redelivery-{partner.Name}", cancellationToken).ConfigureAwait(false);
        await using var channel = await connection.CreateChannelAsync(PartnerAmqpConnections.Confirmed, cancellationToken).ConfigureAwait(false);
        var publisher = new PartnerPublisher(channel, registry, options.Source);
        var position = after;
        while (position < through)
        {
            var batch = new List<RecordedEvent>(options.BatchSize);
            await foreach (var recorded in store.ReadAllAsync(new GlobalPosition(position), options.BatchSize, Entitlement.Streams, cancellationToken).ConfigureAwait(false))
            {
                if (recorded.Position.Value > through)
                    break;
                batch.Add(recorded);
            }
            if (batch.Count == 0)
                break;
            sent += await publisher.PublishAsync(batch, [partner], cancellationToken).ConfigureAwait(false);
            position = batch[^1].Position.Value;
        }
        return new RedeliveryResult(ChannelName, partner.Name, after, through, sent);
    }
}
