using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EarlyWarning.Partners.Channels.Amqp;

/// <summary>Unhealthy while the relay is not relaying: partners' queues receive nothing new.</summary>
internal sealed class PartnerRelayHealthCheck(PartnerRelayStatus status, PartnerAmqpConnections connections) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["broker"] = connections.Broker,
            ["checkpoint"] = status.Checkpoint.Value,
            ["published"] = status.Published,
            ["connections"] = status.Connections,
        };
        return Task.FromResult(status.Failure is { } failure
            ? HealthCheckResult.Unhealthy($"the partner relay is not relaying: {failure}", data: data)
            : HealthCheckResult.Healthy(status.CaughtUp ? $"live at position {status.Checkpoint}" : $"catching up, at position {status.Checkpoint}", data));
    }
}
