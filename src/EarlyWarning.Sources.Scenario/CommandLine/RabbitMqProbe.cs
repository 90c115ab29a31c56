using EarlyWarning.ServiceDefaults.Bus;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace EarlyWarning.Sources.Scenario.CommandLine;

/// <summary>
/// Opens and closes one connection to the configured broker before the bus starts. MassTransit keeps retrying
/// a broker it cannot reach, and a publish would wait on it; a probe turns "unreachable" into a one-line
/// error at once.
/// </summary>
internal static class RabbitMqProbe
{
    /// <summary>Why the broker cannot be used, or null when a connection opened.</summary>
    public static async Task<string?> ProblemAsync(BusConfiguration bus, TimeSpan timeout, CancellationToken cancellationToken = default)
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
            ClientProvidedName = "earlywarning-scenario-probe",
        };
        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            await using var connection = await factory.CreateConnectionAsync(limit.Token).ConfigureAwait(false);
            await connection.CloseAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"no answer within {timeout.TotalSeconds:0} s";
        }
        catch (Exception ex) when (ex is BrokerUnreachableException or OperationInterruptedException or IOException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return Innermost(ex);
        }
    }

    private static string Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
            ex = ex.InnerException;
        return ex.Message;
    }
}
