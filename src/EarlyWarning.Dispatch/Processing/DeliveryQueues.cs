using System.Threading.Channels;
using EarlyWarning.Dispatch.Configuration;

namespace EarlyWarning.Dispatch.Processing;

/// <summary>
/// One queue and one worker per recipient: a recipient gets its deliveries one at a time, in the order they were
/// queued (a warning's versions in version order), while different recipients are served in parallel.
/// </summary>
internal sealed class DeliveryQueues(DispatchOptions options)
{
    private readonly Dictionary<string, Channel<PendingDelivery>> _channels = options.Recipients.ToDictionary(
        r => r.Name,
        _ => Channel.CreateUnbounded<PendingDelivery>(new UnboundedChannelOptions { SingleReader = true }),
        StringComparer.Ordinal);

    /// <summary>False when the recipient is no longer configured (an escalation recorded under an earlier configuration).</summary>
    public bool Enqueue(PendingDelivery delivery) =>
        _channels.TryGetValue(delivery.Key.Recipient, out var channel) && channel.Writer.TryWrite(delivery);

    public IReadOnlyList<Task> Start(Func<Recipient, PendingDelivery, CancellationToken, Task> deliver, CancellationToken cancellationToken) =>
        options.Recipients.Select(r => Task.Run(() => WorkAsync(r, deliver, cancellationToken), cancellationToken)).ToList();

    private async Task WorkAsync(Recipient recipient, Func<Recipient, PendingDelivery, CancellationToken, Task> deliver, CancellationToken cancellationToken)
    {
        await foreach (var delivery in _channels[recipient.Name].Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            await deliver(recipient, delivery, cancellationToken).ConfigureAwait(false);
    }
}
