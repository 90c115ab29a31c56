using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace EarlyWarning.ServiceDefaults.Bus;

/// <summary>
/// Opens and closes one connection to the broker before a bus starts. MassTransit retries an unreachable
/// broker until its start times out and then says only that it timed out; the probe says why at once
/// (connection refused, bad credentials, unknown virtual host). It opens a channel too: the broker may accept
/// the connection and only then close it (an unknown virtual host does).
/// </summary>
public static class BrokerProbe
{
    /// <summary>Why the broker cannot be used, or null when a connection and a channel opened.</summary>
    public static async Task<string?> ProblemAsync(BusConfiguration bus, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bus);
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
            await using var connection = await factory.CreateConnectionAsync("earlywarning-probe", deadline.Token).ConfigureAwait(false);
            await using (var channel = await connection.CreateChannelAsync(cancellationToken: deadline.Token).ConfigureAwait(false))
                await channel.CloseAsync(deadline.Token).ConfigureAwait(false);
            await connection.CloseAsync(deadline.Token).ConfigureAwait(false);
            return null;
        }
        catch (Exception ex) when (ex is RabbitMQClientException or IOException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return Cause(ex);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"no answer within {timeout.TotalSeconds:0} s";
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
