using EarlyWarning.Dispatch.Processing;
using EarlyWarning.EventStore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EarlyWarning.Dispatch.Tests.Processing;

public sealed class DispatchHealthCheckTests
{
    private static async Task<HealthCheckResult> CheckAsync(DispatchStatus status) =>
        await new DispatchHealthCheck(status).CheckHealthAsync(new HealthCheckContext());

    [Fact]
    public async Task unhealthy_before_the_dispatch_has_read_the_store_and_after_it_stopped_following_it()
    {
        var status = new DispatchStatus();
        Assert.Equal(HealthStatus.Unhealthy, (await CheckAsync(status)).Status);

        status.Following();
        status.Changed(new SubscriptionMessage.CaughtUp(new GlobalPosition(7)));
        var live = await CheckAsync(status);
        Assert.Equal(HealthStatus.Healthy, live.Status);

        status.Failed(new StoreUnavailableException("the store is gone"));
        var failed = await CheckAsync(status);
        Assert.Equal(HealthStatus.Unhealthy, failed.Status);
        Assert.Contains("the store is gone", failed.Description, StringComparison.Ordinal);
    }
}
