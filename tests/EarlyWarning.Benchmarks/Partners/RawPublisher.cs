using System.Diagnostics;
using EarlyWarning.Benchmarks.Ingest;
using EarlyWarning.Partners.Channels;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace EarlyWarning.Benchmarks.Partners;

/// <summary>
/// The relay's raw limit: RabbitMQ.Client 7 alone publishing a <see cref="RelayPlan"/>'s messages, the floor of
/// any relay over this broker. The same topology (per partner a durable topic exchange bound by the entitlement's
/// keys to a durable quorum queue), the same messages (routing keys, body sizes, persistent, mandatory, fresh
/// properties each), and the same confirm pattern as <c>PartnerPublisher</c>: tracked confirms with no limiter on
/// those outstanding, every publish of a batch started in turn, then all of the batch's confirms awaited before the
/// next batch. The bodies are one buffer's slices, built before the clock starts.
/// </summary>
public static class RawPublisher
{
    /// <summary>The relay's channel options (<c>PartnerAmqpConnections.Confirmed</c>), spelled out here so the raw publisher is plain client code.</summary>
    private static readonly CreateChannelOptions Confirmed = new(
        publisherConfirmationsEnabled: true,
        publisherConfirmationTrackingEnabled: true,
        outstandingPublisherConfirmationsRateLimiter: null);

    /// <returns>Messages published and confirmed, and the RabbitMQ broker's CPU meanwhile, in cores.</returns>
    public static async Task<(Throughput Messages, double? BrokerCores)> PublishAsync(string virtualHostUri, RelayPlan plan)
    {
        var factory = new ConnectionFactory
        {
            Uri = new Uri(virtualHostUri),
            ClientProvidedName = "ew-bench-raw-publisher",
            AutomaticRecoveryEnabled = false,
            TopologyRecoveryEnabled = false,
            RequestedConnectionTimeout = TimeSpan.FromSeconds(10),
        };
        IConnection connection;
        try
        {
            connection = await factory.CreateConnectionAsync();
        }
        catch (BrokerUnreachableException ex)
        {
            throw new InfrastructureUnavailableException($"RabbitMQ at {factory.HostName}:{factory.Port} (EW_TEST_RABBITMQ) is unreachable: {ex.InnerException?.Message ?? ex.Message}", ex);
        }
        await using var _ = connection;
        await using var channel = await connection.CreateChannelAsync(Confirmed);

        var exchanges = new string[plan.Partners.Count];
        for (var p = 0; p < plan.Partners.Count; p++)
        {
            var topology = new PartnerTopology(plan.Partners[p].Name);
            exchanges[p] = topology.Exchange;
            await channel.ExchangeDeclareAsync(topology.Exchange, ExchangeType.Topic, durable: true, autoDelete: false);
            await channel.QueueDeclareAsync(topology.Queue, durable: true, exclusive: false, autoDelete: false,
                arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" });
            foreach (var key in PartnerTopology.BindingKeys(plan.Partners[p].Entitlement))
                await channel.QueueBindAsync(topology.Queue, topology.Exchange, key);
        }
        var body = new byte[plan.LargestBody];
        Random.Shared.NextBytes(body);

        GC.Collect();
        var meter = MachineMeter.Start();
        var broker = BrokerMeter.Start();
        var clock = Stopwatch.StartNew();
        foreach (var batch in plan.Batches)
        {
            var confirms = new Task[batch.Length];
            for (var i = 0; i < batch.Length; i++)
            {
                var message = batch[i];
                confirms[i] = channel.BasicPublishAsync(exchanges[message.Partner], message.RoutingKey, mandatory: true, Properties(), body.AsMemory(0, message.BodyLength)).AsTask();
            }
            await Task.WhenAll(confirms);
        }
        var elapsed = clock.Elapsed;
        return (new Throughput(plan.Messages, elapsed) { Machine = meter.Stop() }, broker.Stop());
    }

    /// <summary>The properties the relay sets (<c>PartnerCloudEvent.Properties</c>), fresh per publish as there: the client adds its confirm-tracking header to them.</summary>
    private static BasicProperties Properties() => new()
    {
        ContentType = "application/cloudevents+json; charset=utf-8",
        MessageId = Guid.CreateVersion7().ToString(),
        Type = "V1.WarningUpdated",
        DeliveryMode = DeliveryModes.Persistent,
        Timestamp = new AmqpTimestamp(DateTimeOffset.UtcNow.ToUnixTimeSeconds()),
        AppId = "earlywarning",
    };
}
