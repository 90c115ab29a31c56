using System.Diagnostics;
using System.Text.Json;
using EarlyWarning.Contracts.Soc;
using EarlyWarning.Contracts.Warnings;
using EarlyWarning.Dispatch.Configuration;
using EarlyWarning.Dispatch.Delivery;
using EarlyWarning.EventStore;
using Microsoft.Extensions.Logging;

namespace EarlyWarning.Dispatch.Processing;

/// <summary>
/// One run of the dispatch: reads <c>warning-*</c> and <c>soc-*</c> from the start of the store into a fresh state,
/// and when it has caught up queues whatever has no recorded outcome and starts the escalation clocks from the
/// recorded times; then each new event queues what it makes due. Deliveries and escalations are recorded on
/// <c>soc-{id}</c> and come back through the same subscription, so live work and work after a restart are decided by
/// the same code from the same events. Any failure ends the whole run, which the service starts over with a new
/// one (transient in the container: a run's state is never reused).
/// </summary>
internal sealed class DispatchRun(
    IEventStore store,
    EventTypeRegistry registry,
    DispatchOptions options,
    WebhookSender sender,
    StoreRetry storeRetry,
    DispatchStatus status,
    TimeProvider clock,
    ILogger<DispatchRun> logger)
{
    public const string Channel = "webhook";

    public static readonly EventFilter Filter = EventFilter.ForStreams(WarningStreams.WarningPrefix, SocStreams.SocPrefix);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly DispatchState _state = new(options);
    private readonly DeliveryQueues _queues = new(options);
    private readonly EscalationTimers _timers = new(clock);
    private readonly Lock _gate = new();
    private bool _live;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        using var run = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var tasks = new List<Task> { FollowAsync(run.Token), _timers.RunAsync(EscalateAsync, run.Token) };
        tasks.AddRange(_queues.Start(DeliverAsync, run.Token));
        var first = await Task.WhenAny(tasks).ConfigureAwait(false);
        await run.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch
        {
            // The others only stopped because the first ended; its own exception is the one that says why.
        }
        await first.ConfigureAwait(false);
        throw new InvalidOperationException("The dispatch's subscription to the store ended.");
    }

    private async Task FollowAsync(CancellationToken cancellationToken)
    {
        await foreach (var message in store.SubscribeToAllAsync(GlobalPosition.Start, Filter, cancellationToken).ConfigureAwait(false))
        {
            status.Following();
            switch (message)
            {
                case SubscriptionMessage.Event(var recorded):
                    var @event = registry.Deserialize(recorded);
                    lock (_gate)
                    {
                        if (_state.Apply(recorded, @event) is { } track && _live)
                            Work(track);
                    }
                    status.Read(recorded.Position);
                    break;
                case SubscriptionMessage.CaughtUp(var position):
                    if (!_live)
                        StartLive(position);
                    status.Changed(message);
                    break;
                case SubscriptionMessage.CheckpointReached(var position):
                    status.Read(position);
                    break;
                default:
                    status.Changed(message);
                    break;
            }
        }
    }

    private void StartLive(GlobalPosition position)
    {
        int queued = 0, skipped = 0, warnings;
        lock (_gate)
        {
            _live = true;
            warnings = _state.Tracks.Count;
            foreach (var track in _state.Tracks)
            {
                var (q, s) = Work(track);
                queued += q;
                skipped += s;
            }
        }
        logger.LogInformation("Dispatch read {Warnings} warnings up to position {Position}: {Queued} deliveries due", warnings, position, queued);
        if (skipped > 0)
        {
            logger.LogWarning("{Skipped} deliveries were not made because their warning version or escalation was recorded more than {MaxAge} ago (Dispatch:MaxAge)",
                skipped, options.MaxAge);
        }
    }

    /// <summary>Queues a warning's due deliveries and sets its escalation timers; under the gate.</summary>
    private (int Queued, int Skipped) Work(WarningTrack track)
    {
        var due = new List<PendingDelivery>();
        var skipped = track.TakeDue(clock.GetUtcNow() - options.MaxAge, due);
        foreach (var delivery in due)
        {
            if (!_queues.Enqueue(delivery))
                logger.LogWarning("Not delivering {Key} to {Recipient}: no such recipient is configured any more", delivery.Key.IdempotencyKey, delivery.Key.Recipient);
        }
        foreach (var next in track.NextEscalations(options))
            _timers.Schedule(track.WarningId, next.Due);
        return (due.Count, skipped);
    }

    private async Task DeliverAsync(Recipient recipient, PendingDelivery delivery, CancellationToken cancellationToken)
    {
        var (key, version) = delivery;
        var payload = new WebhookPayload(
            key.WarningId, version.Version, version.Kind, recipient.Name, key.Escalation, key.IdempotencyKey, version.Snapshot,
            version.Changes, version.Reason, version.SupersededBy, version.KnownAt, WebhookLinks.For(key.WarningId, options.PublicUrl));
        var body = JsonSerializer.SerializeToUtf8Bytes(payload, Json);

        ActivityContext.TryParse(version.Metadata.TraceParent, version.Metadata.TraceState, out var parent);
        using var activity = DispatchTelemetry.Source.StartActivity("dispatch webhook", ActivityKind.Producer, parent);
        activity?.SetTag("earlywarning.warning_id", key.WarningId);
        activity?.SetTag("earlywarning.recipient", recipient.Name);
        activity?.SetTag("earlywarning.idempotency_key", key.IdempotencyKey);

        status.Sending();
        try
        {
            var result = await sender.SendAsync(recipient.Url, recipient.Secret, body, key.IdempotencyKey, cancellationToken).ConfigureAwait(false);
            var at = clock.GetUtcNow();
            object outcome = result.Delivered
                ? new WarningDelivered(key.WarningId, key.Version, recipient.Name, Channel, key.IdempotencyKey, result.Attempts, result.StatusCode, key.Escalation, at)
                : new WarningDeliveryFailed(key.WarningId, key.Version, recipient.Name, Channel, key.IdempotencyKey, result.Attempts, result.Error!, key.Escalation, at);
            var metadata = new EventMetadata
            {
                CausationId = version.EventId.ToString(),
                CorrelationId = version.Metadata.CorrelationId,
                TraceParent = activity?.Id ?? version.Metadata.TraceParent,
                TraceState = activity is null ? version.Metadata.TraceState : activity.TraceStateString,
                Source = "dispatch",
            };
            var data = registry.ToEventData(outcome, key.OutcomeEventId, metadata);
            await storeRetry.Pipeline.ExecuteAsync(
                async token => await store.AppendToStreamAsync(SocStreams.Soc(key.WarningId), ExpectedRevision.Any, data, token).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);

            DispatchTelemetry.Deliveries.Add(1, new KeyValuePair<string, object?>("outcome", result.Delivered ? "delivered" : "dead"));
            if (result.Delivered)
            {
                logger.LogInformation("Delivered {Key} ({Kind}) to {Recipient} in {Attempts} attempts", key.IdempotencyKey, version.Kind, recipient.Name, result.Attempts);
            }
            else
            {
                activity?.SetStatus(ActivityStatusCode.Error, result.Error);
                logger.LogWarning("Dead-lettered {Key} ({Kind}) to {Recipient}: {Error}", key.IdempotencyKey, version.Kind, recipient.Name, result.Error);
            }
        }
        finally
        {
            status.Sent();
        }
    }

    private async Task EscalateAsync(string warningId, CancellationToken cancellationToken)
    {
        var appends = new List<(EscalationDue Due, WarningEscalated Event)>();
        lock (_gate)
        {
            if (_state.Find(warningId) is not { } track)
                return;
            var now = clock.GetUtcNow();
            foreach (var due in track.NextEscalations(options))
            {
                if (due.Due > now)
                {
                    _timers.Schedule(warningId, due.Due);
                }
                else if (due.Due < now - options.MaxAge)
                {
                    // Only after a long outage: escalating a day-old warning now would page people for the past.
                    track.Abandon(due.Root);
                    logger.LogWarning("Not escalating warning {WarningId} from {From} to {To}: it fell due at {Due}, more than {MaxAge} ago", warningId, due.Hop.From, due.Hop.To, due.Due, options.MaxAge);
                }
                else
                {
                    var escalated = new WarningEscalated(warningId, track.Latest!.Version, due.Hop.From, due.Hop.To, track.EscalationCount + 1, now - due.Since, now);
                    track.EscalationAppended(due.Root, due.Step);
                    appends.Add((due, escalated));
                }
            }
        }

        foreach (var (due, escalated) in appends)
        {
            var data = registry.ToEventData(escalated, DispatchEventIds.Escalation(warningId, due.Root, due.Step), new EventMetadata { Source = "dispatch" });
            await storeRetry.Pipeline.ExecuteAsync(
                async token => await store.AppendToStreamAsync(SocStreams.Soc(warningId), ExpectedRevision.Any, data, token).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
            DispatchTelemetry.Escalations.Add(1);
            logger.LogWarning("Warning {WarningId} unacknowledged for {Unacknowledged}: escalation {Number} from {From} to {To}",
                warningId, escalated.Unacknowledged, escalated.Escalation, escalated.From, escalated.To);
        }
    }
}
