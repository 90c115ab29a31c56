using RabbitMQ.Client;

namespace EarlyWarning.Partners.Channels.Amqp;

/// <summary>Opens connections and publishing channels to the partners' broker, for the relay and for re-deliveries.</summary>
internal sealed class PartnerAmqpConnections(PartnerAmqpOptions options)
{
    /// <summary>
    /// Publisher confirms, tracked by the client: a publish completes when the broker has taken the message (on a
    /// quorum queue, a majority has written it) and fails on a nack, a return or a closed channel. The client's
    /// default limiter on outstanding confirms is off: it may hold publishes back with delays that differ from one
    /// call to the next, and the publishes of a batch are started one after another precisely so that they go out
    /// in store order; a batch bounds what is in flight instead.
    /// </summary>
    public static readonly CreateChannelOptions Confirmed = new(
        publisherConfirmationsEnabled: true,
        publisherConfirmationTrackingEnabled: true,
        outstandingPublisherConfirmationsRateLimiter: null);

    public string Broker => options.Broker?.Describe() ?? "no broker";

    public async Task<IConnection> ConnectAsync(string clientName, CancellationToken cancellationToken)
    {
        var broker = options.Broker ?? throw new InvalidOperationException("No RabbitMQ connection string (ConnectionStrings:RabbitMq) is configured.");
        var factory = new ConnectionFactory
        {
            HostName = broker.Host,
            Port = broker.Port,
            VirtualHost = broker.VirtualHost,
            UserName = broker.Username,
            Password = broker.Password,
            ClientProvidedName = clientName,
            RequestedConnectionTimeout = TimeSpan.FromSeconds(10),
            // The relay recovers by itself, from its checkpoint: a connection the client recovered behind its back
            // would carry on after publishes whose confirms were lost.
            AutomaticRecoveryEnabled = false,
            TopologyRecoveryEnabled = false,
        };
        return await factory.CreateConnectionAsync(clientName, cancellationToken).ConfigureAwait(false);
    }
}
