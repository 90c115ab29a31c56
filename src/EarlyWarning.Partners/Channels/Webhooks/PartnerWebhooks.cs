using EarlyWarning.EventStore;
using EarlyWarning.Partners.Registry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EarlyWarning.Partners.Channels.Webhooks;

/// <summary>
/// Delivers every partner's webhook, each partner on a loop of its own (<see cref="PartnerWebhookDelivery"/>), so a
/// slow or dead receiver holds back only its own partner. The registry is looked at every
/// <see cref="PartnerWebhooksOptions.RegistryPoll"/>: a partner that gains a webhook at runtime starts, one that loses
/// it or is removed stops. A partner's loop that fails (the store unreachable) starts over from its checkpoint after
/// <see cref="PartnerWebhooksOptions.RestartDelay"/>.
/// </summary>
internal sealed class PartnerWebhooks(
    IEventStore store,
    EventTypeRegistry registry,
    PartnerRegistry partners,
    PartnerWebhookSender sender,
    PartnerWebhooksOptions options,
    TimeProvider clock,
    ILoggerFactory loggers) : BackgroundService
{
    private readonly ILogger _logger = loggers.CreateLogger<PartnerWebhooks>();
    private readonly Dictionary<string, (CancellationTokenSource Stop, Task Run)> _running = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var wanted = partners.Partners.Where(p => p.Webhook is not null).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
                foreach (var name in _running.Keys.Where(n => !wanted.Contains(n) || _running[n].Run.IsCompleted).ToList())
                    await StopAsync(name).ConfigureAwait(false);
                foreach (var name in wanted.Where(n => !_running.ContainsKey(n)))
                {
                    var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                    _running[name] = (stop, Task.Run(() => SuperviseAsync(name, stop.Token), CancellationToken.None));
                }
                await Task.Delay(options.RegistryPoll, clock, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            foreach (var name in _running.Keys.ToList())
                await StopAsync(name).ConfigureAwait(false);
        }
    }

    private async Task StopAsync(string name)
    {
        var (stop, run) = _running[name];
        _running.Remove(name);
        await stop.CancelAsync().ConfigureAwait(false);
        await run.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        stop.Dispose();
    }

    private async Task SuperviseAsync(string name, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger<PartnerWebhookDelivery>();
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await new PartnerWebhookDelivery(name, store, registry, partners, sender, options, clock, logger).RunAsync(cancellationToken).ConfigureAwait(false);
                logger.LogInformation("Webhook of partner {Partner} stopped: the partner has no webhook any more", name);
                return;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // One partner's failure must not stop the others; it is logged and its delivery starts over.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _logger.LogError(ex, "Webhook of partner {Partner} failed; starting over from its checkpoint in {Delay}", name, options.RestartDelay);
            }
            try
            {
                await Task.Delay(options.RestartDelay, clock, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
