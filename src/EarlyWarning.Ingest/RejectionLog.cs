using EarlyWarning.Contracts.Incidents;
using EarlyWarning.EventStore;

namespace EarlyWarning.Ingest;

/// <summary>
/// Records what the bus brought and ingest could not accept, on the <c>rejections</c> stream. The event id is
/// derived from the bus message id, so a message redelivered after a crash is recorded once.
/// </summary>
public sealed class RejectionLog(IEventStore store, EventTypeRegistry registry)
{
    public async Task RecordAsync(ReportRejected rejection, Guid? messageId, CancellationToken cancellationToken = default)
    {
        var eventId = messageId is { } id ? DerivedId(id) : EventIds.New();
        var data = registry.ToEventData(rejection, eventId, new EventMetadata { CorrelationId = rejection.MessageId, Source = rejection.SourceId });
        await store.AppendToStreamAsync(IncidentStreams.Rejections, ExpectedRevision.Any, data, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The latest rejections first, at most <paramref name="limit"/>, before revision <paramref name="beforeRevision"/> of the rejections stream when given.</summary>
    public async Task<IReadOnlyList<(RecordedEvent Recorded, ReportRejected Rejection)>> LatestAsync(int limit, long? beforeRevision, CancellationToken cancellationToken = default)
    {
        var from = beforeRevision is { } b ? new StreamRevision(Math.Max(0, b - 1)) : StreamRevision.End;
        var result = new List<(RecordedEvent, ReportRejected)>();
        if (beforeRevision is 0)
            return result;
        await foreach (var recorded in store.ReadStreamAsync(IncidentStreams.Rejections, Direction.Backwards, from, limit, cancellationToken).ConfigureAwait(false))
        {
            if (registry.Deserialize(recorded) is ReportRejected rejection)
                result.Add((recorded, rejection));
        }
        return result;
    }

    // A redelivered message must map to the same event id, but must not collide with the message id itself,
    // which other events of the same message may use.
    private static Guid DerivedId(Guid messageId)
    {
        Span<byte> bytes = stackalloc byte[16];
        messageId.TryWriteBytes(bytes);
        bytes[15] ^= 0x5A;
        return new Guid(bytes);
    }
}
