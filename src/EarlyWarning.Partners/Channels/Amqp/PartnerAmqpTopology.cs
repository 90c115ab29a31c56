using EarlyWarning.Partners.Registry;
using RabbitMQ.Client;

namespace EarlyWarning.Partners.Channels.Amqp;

/// <summary>
/// Declares one partner's RabbitMQ topology (<see cref="PartnerTopology"/>): its durable topic exchange, which only
/// the relay publishes to, its durable quorum queue, and the queue's bindings by the entitlement's keys. Declaring is
/// idempotent, so the relay calls it before a partner's first publish and <c>ew partners provision</c> calls it too.
/// The bindings are defence in depth: the relay already publishes only what the entitlement admits, and a routing
/// key outside the entitlement would reach no queue even if it did not. Bindings that no longer belong to the
/// entitlement are not removed here (provisioning does that).
/// </summary>
public static class PartnerAmqpTopology
{
    /// <summary>The queue's arguments: a quorum queue, replicated and durable (as the bus's queues, decision 0005).</summary>
    public static IDictionary<string, object?> QueueArguments => new Dictionary<string, object?> { ["x-queue-type"] = "quorum" };

    public static async Task DeclareAsync(IChannel channel, Partner partner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(partner);
        var topology = new PartnerTopology(partner.Name);
        await channel.ExchangeDeclareAsync(topology.Exchange, ExchangeType.Topic, durable: true, autoDelete: false,
            cancellationToken: cancellationToken).ConfigureAwait(false);
        await channel.QueueDeclareAsync(topology.Queue, durable: true, exclusive: false, autoDelete: false,
            arguments: QueueArguments, cancellationToken: cancellationToken).ConfigureAwait(false);
        foreach (var key in PartnerTopology.BindingKeys(partner.Entitlement))
            await channel.QueueBindAsync(topology.Queue, topology.Exchange, key, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
