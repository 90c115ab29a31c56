using EarlyWarning.EventStore;
using EarlyWarning.Partners.Entitlements;
using EarlyWarning.Partners.Registry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using RabbitMQ.Client;

namespace EarlyWarning.Partners.Channels.Amqp;

/// <summary>
/// The store is the outbox (DESIGN §2): the relay follows <c>$all</c> from its checkpoint, publishes what each partner
/// is entitled to on that partner's own exchange, and stores the checkpoint only once the broker has confirmed every
/// publish up to it. A nack, a return or a lost connection leaves the checkpoint where it was; the relay reconnects
/// with back-off and sends again from there: at least once, in store order per partner, and partners deduplicate
/// by the CloudEvent id (docs/decisions/0012).
/// </summary>
internal sealed class PartnerRelay : BackgroundService
{
    public const string SubscriptionId = "partner-relay";

    private readonly IEventStore _store;
    private readonly EventTypeRegistry _registry;
    private readonly PartnerRegistry _partners;
    private readonly PartnerAmqpConnections _connections;
    private readonly PartnerAmqpOptions _options;
    private readonly PartnerRelayStatus _status;
    private readonly ILogger<PartnerRelay> _logger;
    private readonly ResiliencePipeline _retry;

    public PartnerRelay(IEventStore store, EventTypeRegistry registry, PartnerRegistry partners, PartnerAmqpConnections connections,
        PartnerAmqpOptions options, PartnerRelayStatus status, TimeProvider clock, ILogger<PartnerRelay> logger)
    {
        _store = store;
        _registry = registry;
        _partners = partners;
        _connections = connections;
        _options = options;
        _status = status;
        _logger = logger;
        _retry = new ResiliencePipelineBuilder { Name = "partner relay", TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                MaxDelay = options.MaxRetryDelay,
                OnRetry = args =>
                {
                    _logger.LogWarning("Partner relay cannot relay to {Broker} ({Reason}); trying again in {Delay}",
                        _connections.Broker, args.Outcome.Exception?.Message, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A run that relayed something before it failed returns rather than throws, so the next one starts
                // at once and a later failure backs off from the first delay again, not from where an old outage left it.
                await _retry.ExecuteAsync(RunAsync, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>One connection's life: connect, relay from the checkpoint until something fails.</summary>
    private async ValueTask RunAsync(CancellationToken cancellationToken)
    {
        var progressed = false;
        try
        {
            await using var connection = await _connections.ConnectAsync("earlywarning-partner-relay", cancellationToken).ConfigureAwait(false);
            await using var channel = await connection.CreateChannelAsync(PartnerAmqpConnections.Confirmed, cancellationToken).ConfigureAwait(false);
            var checkpoint = await _store.LoadCheckpointAsync(SubscriptionId, cancellationToken).ConfigureAwait(false) ?? GlobalPosition.Start;
            _status.Connected(checkpoint);
            _logger.LogInformation("Partner relay connected to {Broker} (connection {Count}); relaying after position {Position}",
                _connections.Broker, _status.Connections, checkpoint);
            await RelayAsync(new PartnerPublisher(channel, _registry, _options.Source), checkpoint, () => progressed = true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            _status.Failed(ex);
            if (!progressed)
                throw;
            _logger.LogWarning("Partner relay lost {Broker} ({Reason}); reconnecting and resuming from its checkpoint", _connections.Broker, ex.Message);
        }
    }

    private async Task RelayAsync(PartnerPublisher publisher, GlobalPosition checkpoint, Action progressed, CancellationToken cancellationToken)
    {
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var messages = _store.SubscribeToAllAsync(checkpoint, Entitlement.Streams, reading.Token).GetAsyncEnumerator(reading.Token);
        var next = messages.MoveNextAsync().AsTask();
        try
        {
            var batch = new List<RecordedEvent>(_options.BatchSize);
            var through = checkpoint;
            // Caught up or behind, told to the status once what was read before it is confirmed, not when it is read.
            SubscriptionMessage? state = null;
            while (await next.ConfigureAwait(false))
            {
                switch (messages.Current)
                {
                    case SubscriptionMessage.Event(var recorded):
                        batch.Add(recorded);
                        through = recorded.Position;
                        break;
                    case SubscriptionMessage.CaughtUp(var position):
                        // Everything up to here has been read; what was not an incident or warning event needs no publish.
                        through = position > through ? position : through;
                        state = messages.Current;
                        break;
                    case SubscriptionMessage.FellBehind:
                        state = messages.Current;
                        break;
                }
                next = messages.MoveNextAsync().AsTask();
                // A batch is what the subscription has ready now, up to BatchSize. The next read goes on meanwhile.
                if (batch.Count < _options.BatchSize && next.IsCompleted)
                    continue;
                if (through > checkpoint)
                {
                    // The current partners, every batch: one added at run time is declared and served from here on.
                    var published = await publisher.PublishAsync(batch, _partners.Partners, cancellationToken).ConfigureAwait(false);
                    // Every publish up to `through` is confirmed: only now may the checkpoint pass it.
                    await _store.AppendAsync([], new Checkpoint(SubscriptionId, through), cancellationToken).ConfigureAwait(false);
                    checkpoint = through;
                    _status.Relayed(checkpoint, published);
                    progressed();
                    batch.Clear();
                }
                if (state is not null)
                {
                    _status.Changed(state);
                    state = null;
                }
            }
        }
        finally
        {
            // The read under way must end before the enumerator may be disposed.
            await reading.CancelAsync().ConfigureAwait(false);
            try
            {
                await next.ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Cancelled, or failed with what already ended the run.
            }
            await messages.DisposeAsync().ConfigureAwait(false);
        }
    }
}
