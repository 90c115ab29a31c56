using EarlyWarning.ServiceDefaults.Bus;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace EarlyWarning.Sources.Feed.Publishing;

/// <summary>
/// Opens and closes one connection to the broker before the bus starts. MassTransit retries an unreachable
/// broker until its start times out and then says only that it timed out; the probe says why at once
/// (connection refused, bad credentials, unknown virtual host). It opens a channel too: the broker may accept
/// the connection and only then close it (an unknown virtual host does).
/// </summary>
internal static class BrokerProbe
{
    /// <exception cref="BrokerUnavailableException">The broker cannot be reached or refuses the connection.</exception>
    public static async Task EnsureReachableAsync(BusConfiguration bus, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory
        {
            HostName = bus.Host,
            Port = bus.Port,
            VirtualHost = bus.VirtualHost,
            UserName = bus.Username,
            Password = bus.Password,
            RequestedConnectionTimeout = timeout,
            AutomaticRecoveryEnabled = false,
            TopologyRecoveryEnabled = false,
        };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await using var connection = await factory.CreateConnectionAsync("earlywarning-feed-probe", deadline.Token);
            await using (var channel = await connection.CreateChannelAsync(cancellationToken: deadline.Token))
                await channel.CloseAsync(deadline.Token);
            await connection.CloseAsync(deadline.Token);
        }
        catch (Exception ex) when (ex is RabbitMQClientException or IOException or System.Net.Sockets.SocketException)
        {
            throw new BrokerUnavailableException($"cannot reach RabbitMQ at {bus.Describe()}: {Cause(ex)}", ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BrokerUnavailableException($"cannot reach RabbitMQ at {bus.Describe()}: no answer within {timeout.TotalSeconds:0} s", ex);
        }
    }

    // The client wraps the reason (socket error, access refused) a level or two down; a broker that closed the
    // connection says why in its close reason ("NOT_ALLOWED - vhost x not found").
    private static string Cause(Exception ex)
    {
        var cause = ex;
        while (cause.InnerException is not null)
            cause = cause.InnerException;
        return cause switch
        {
            AuthenticationFailureException => "the broker refused the user name or password",
            OperationInterruptedException { ShutdownReason.ReplyText: { Length: > 0 } reply } => $"the broker closed the connection: {reply}",
            _ => cause.Message.TrimEnd('.'),
        };
    }
}
