using EarlyWarning.EventStore;
using EarlyWarning.Partners.Channels.Amqp;
using EarlyWarning.Partners.Entitlements;
using EarlyWarning.Partners.Registry;

namespace EarlyWarning.Benchmarks.Partners;

/// <summary>
/// The messages the relay will publish for a store, worked out before anything is timed with the relay's own
/// pieces (the entitlement filter, the routing keys, the CloudEvent body), batch by batch as it reads: so the raw
/// publisher sends the same number of messages, of the same sizes, to the same exchanges with the same routing
/// keys, in the same batches, and what it leaves out is only the relay's own work (read, decode, redact, encode,
/// checkpoint).
/// </summary>
public sealed class RelayPlan
{
    private RelayPlan(IReadOnlyList<Partner> partners, List<PlannedMessage[]> batches, long events)
    {
        Partners = partners;
        Batches = batches;
        Events = events;
        Messages = batches.Sum(b => (long)b.Length);
        BodyBytes = batches.Sum(b => b.Sum(m => (long)m.BodyLength));
        PerPartner = [.. partners.Select((_, i) => batches.Sum(b => (long)b.Count(m => m.Partner == i)))];
    }

    public IReadOnlyList<Partner> Partners { get; }

    /// <summary>One entry per batch of <c>PartnerAmqp:BatchSize</c> store events: the messages its publish sends.</summary>
    public IReadOnlyList<PlannedMessage[]> Batches { get; }

    /// <summary>Store events read (incident and warning streams).</summary>
    public long Events { get; }

    public long Messages { get; }

    public long BodyBytes { get; }

    /// <summary>Messages per partner, in the order of <see cref="Partners"/>.</summary>
    public IReadOnlyList<long> PerPartner { get; }

    public int LargestBody => Batches.Count == 0 ? 0 : Batches.Max(b => b.Length == 0 ? 0 : b.Max(m => m.BodyLength));

    /// <summary>
    /// Reads the store as the relay's subscription does (incident and warning streams, from the start) and cuts it
    /// into batches of <paramref name="batchSize"/> events: in catch-up the subscription yields whole pages of
    /// 1,024, so each of the relay's batches is full except the last.
    /// </summary>
    public static async Task<RelayPlan> BuildAsync(IEventReader store, EventTypeRegistry registry, IReadOnlyList<Partner> partners, int batchSize, string source)
    {
        var batches = new List<PlannedMessage[]>();
        var batch = new List<PlannedMessage>();
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        long events = 0;
        await foreach (var recorded in store.ReadAllAsync(GlobalPosition.Start, long.MaxValue, Entitlement.Streams))
        {
            var decoded = registry.Deserialize(recorded);
            for (var p = 0; p < partners.Count; p++)
            {
                if (partners[p].Entitlement.Admit(decoded) is not { } data)
                    continue;
                var admitted = new AdmittedEvent(recorded.Position.Value, recorded.EventId, recorded.Type, recorded.Stream.Value, recorded.RecordedAt, data);
                var key = PartnerRoutingKeys.For(decoded!, partners[p].Entitlement);
                // Routing keys repeat (a province, a district, a severity): one string each keeps the plan small.
                key = keys.TryGetValue(key, out var known) ? known : keys[key] = key;
                batch.Add(new PlannedMessage(p, key, PartnerCloudEvent.Body(admitted, source).Length));
            }
            if (++events % batchSize == 0)
            {
                batches.Add([.. batch]);
                batch.Clear();
            }
        }
        if (events % batchSize != 0)
            batches.Add([.. batch]);
        return new RelayPlan(partners, batches, events);
    }
}
