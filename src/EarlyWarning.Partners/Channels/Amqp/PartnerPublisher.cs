using EarlyWarning.EventStore;
using EarlyWarning.Partners.Entitlements;
using EarlyWarning.Partners.Registry;
using RabbitMQ.Client;

namespace EarlyWarning.Partners.Channels.Amqp;

/// <summary>
/// Publishes store events to partners' exchanges on one confirmed channel: each event is decoded once, passed
/// through every partner's entitlement, and what is admitted goes to that partner's exchange as a CloudEvent. A batch
/// completes only when the broker has confirmed every publish of it, and fails if any was nacked, returned (no queue
/// took it) or lost with the channel.
/// </summary>
internal sealed class PartnerPublisher(IChannel channel, EventTypeRegistry registry, string source)
{
    // The binding keys declared for each partner on this channel's connection: a partner that appears, or whose
    // entitlement changes, is declared (again) before its next publish.
    private readonly Dictionary<string, string> _declared = new(StringComparer.Ordinal);

    /// <summary>Publishes what each partner may see of <paramref name="events"/> and waits for every confirm; returns how many messages went out.</summary>
    public async Task<int> PublishAsync(IReadOnlyList<RecordedEvent> events, IReadOnlyCollection<Partner> partners, CancellationToken cancellationToken)
    {
        foreach (var partner in partners)
            await DeclareAsync(partner, cancellationToken).ConfigureAwait(false);

        var confirms = new List<Task>();
        foreach (var recorded in events)
        {
            // Checked before decoding, as the feed does: only incident and warning streams ever leave the store.
            if (!Entitlement.Streams.Matches(recorded))
                continue;
            var decoded = registry.Deserialize(recorded);
            foreach (var partner in partners)
            {
                if (partner.Entitlement.Admit(decoded) is not { } data)
                    continue;
                var admitted = new AdmittedEvent(recorded.Position.Value, recorded.EventId, recorded.Type, recorded.Stream.Value, recorded.RecordedAt, data);
                // Started, not awaited: with tracked confirms the call completes only at the broker's confirm. Each
                // call takes its sequence number and writes its frames before the next call starts, so a partner's
                // messages leave in store order with the whole batch in flight.
                confirms.Add(channel.BasicPublishAsync(
                    new PartnerTopology(partner.Name).Exchange,
                    PartnerRoutingKeys.For(decoded!, partner.Entitlement),
                    mandatory: true,
                    PartnerCloudEvent.Properties(admitted),
                    PartnerCloudEvent.Body(admitted, source),
                    cancellationToken).AsTask());
            }
        }
        await Task.WhenAll(confirms).ConfigureAwait(false);
        return confirms.Count;
    }

    private async Task DeclareAsync(Partner partner, CancellationToken cancellationToken)
    {
        var keys = string.Join(' ', PartnerTopology.BindingKeys(partner.Entitlement));
        if (_declared.TryGetValue(partner.Name, out var declared) && declared == keys)
            return;
        await PartnerAmqpTopology.DeclareAsync(channel, partner, cancellationToken).ConfigureAwait(false);
        _declared[partner.Name] = keys;
    }
}
