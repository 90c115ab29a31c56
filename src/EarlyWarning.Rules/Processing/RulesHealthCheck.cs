using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EarlyWarning.Rules.Processing;

/// <summary>Unhealthy while the rules are not evaluating: a SOC must know when warnings cannot fire.</summary>
internal sealed class RulesHealthCheck(RulesStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(status.Failure is { } failure
            ? HealthCheckResult.Unhealthy($"rules are not evaluating: {failure}")
            : HealthCheckResult.Healthy(status.CaughtUp ? $"live at position {status.Position}" : $"catching up, at position {status.Position}"));
}
