using EarlyWarning.Partners.Registry;

namespace EarlyWarning.Partners.Channels;

/// <summary>
/// A way events reach a partner besides the feed it pulls (AMQP, webhooks). An operator can re-deliver through it:
/// every event the partner is entitled to after a position goes out again, through the same entitlement filter,
/// with the same event ids, so a partner that deduplicates by id sees nothing twice.
/// </summary>
public interface IPartnerChannel
{
    /// <summary>The channel's name in the API and the CLI: <c>amqp</c>, <c>webhook</c>.</summary>
    string Name { get; }

    /// <summary>Whether this partner receives anything on this channel (a webhook is configured; AMQP is on).</summary>
    bool Serves(Partner partner);

    /// <summary>
    /// Re-sends what <paramref name="partner"/> is entitled to after <paramref name="after"/> (exclusive) up to the
    /// store's head when the call began, and returns how many events went out. Live delivery carries on meanwhile.
    /// </summary>
    Task<RedeliveryResult> RedeliverAsync(Partner partner, long after, CancellationToken cancellationToken);
}
