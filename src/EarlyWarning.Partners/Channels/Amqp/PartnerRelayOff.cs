using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EarlyWarning.Partners.Channels.Amqp;

/// <summary>Says once, at start, why partners get nothing over AMQP, so an operator is not left guessing.</summary>
internal sealed class PartnerRelayOff(string reason, ILogger<PartnerRelayOff> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Partner AMQP relay is off: {Reason}", reason);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
