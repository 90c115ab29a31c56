using EarlyWarning.EventStore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EarlyWarning.ServiceDefaults;

/// <summary>Healthy when the store answers a read; reports the adapter, where it is and its head.</summary>
internal sealed class EventStoreHealthCheck(IEventStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = await store.GetStatusAsync(cancellationToken).ConfigureAwait(false);
        var data = new Dictionary<string, object>
        {
            ["adapter"] = status.Adapter,
            ["location"] = status.Location,
        };
        if (status.HeadPosition is { } head)
            data["headPosition"] = head.Value;
        return status.Healthy
            ? HealthCheckResult.Healthy("The event store answers.", data)
            : HealthCheckResult.Unhealthy($"The event store does not answer: {status.Error}", data: data);
    }
}
