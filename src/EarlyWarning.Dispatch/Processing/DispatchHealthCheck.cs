using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EarlyWarning.Dispatch.Processing;

/// <summary>Unhealthy while the dispatch is not following the store: warnings would reach no SOC.</summary>
internal sealed class DispatchHealthCheck(DispatchStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["position"] = status.Position.Value, ["inFlight"] = status.InFlight };
        return Task.FromResult(status.Failure is { } failure
            ? HealthCheckResult.Unhealthy($"the dispatch is not following the store: {failure}", data: data)
            : HealthCheckResult.Healthy(status.CaughtUp ? $"live at position {status.Position}" : $"catching up, at position {status.Position}", data));
    }
}
