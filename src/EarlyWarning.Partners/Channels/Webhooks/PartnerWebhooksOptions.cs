using EarlyWarning.Dispatch.Configuration;
using Microsoft.Extensions.Configuration;

namespace EarlyWarning.Partners.Channels.Webhooks;

/// <summary>How partner webhooks are delivered (section <c>PartnerWebhooks</c>); the webhooks themselves are the partners' (<c>Partners:n:Webhook</c>).</summary>
/// <param name="Policy">Retries, timeouts and the circuit breaker per URL, with the dispatch's names and defaults (<c>Attempts</c>, <c>BaseDelay</c>, …).</param>
/// <param name="CheckpointInterval">
/// How long a partner's delivered events may go without their checkpoint being written. A crash re-sends, with the same
/// idempotency keys, what was delivered since the last write; a graceful stop writes it.
/// </param>
/// <param name="RegistryPoll">How often the registry is looked at for partners whose webhook appeared or went away.</param>
/// <param name="RestartDelay">How long a partner's delivery waits before starting over after a failure (the store unreachable).</param>
public sealed record PartnerWebhooksOptions(DeliveryPolicy Policy, TimeSpan CheckpointInterval, TimeSpan RegistryPoll, TimeSpan RestartDelay)
{
    public const string Section = "PartnerWebhooks";

    /// <summary>Positions a partner's checkpoint may fall behind what it has handled, however fast events come.</summary>
    public const int CheckpointEvery = 256;

    /// <exception cref="ArgumentException">A setting is malformed or out of range; the message names its path.</exception>
    public static PartnerWebhooksOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        return new PartnerWebhooksOptions(
            DispatchOptionsReader.ReadPolicy(section),
            DispatchOptionsReader.Duration(section, "CheckpointInterval", TimeSpan.FromSeconds(1), TimeSpan.Zero, TimeSpan.FromHours(1)),
            DispatchOptionsReader.Duration(section, "RegistryPoll", TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(10), TimeSpan.FromHours(1)),
            DispatchOptionsReader.Duration(section, "RestartDelay", TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(10), TimeSpan.FromHours(1)));
    }
}
