namespace EarlyWarning.EventStore;

public static class EventWriterExtensions
{
    /// <summary>Appends events to one stream.</summary>
    public static async Task<AppendResult> AppendToStreamAsync(
        this IEventWriter writer, StreamName stream, ExpectedRevision expected, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default)
    {
        var results = await writer.AppendAsync([new StreamAppend(stream, expected, events)], null, cancellationToken).ConfigureAwait(false);
        return results[0];
    }

    /// <summary>Appends one event to one stream.</summary>
    public static Task<AppendResult> AppendToStreamAsync(
        this IEventWriter writer, StreamName stream, ExpectedRevision expected, EventData @event, CancellationToken cancellationToken = default) =>
        writer.AppendToStreamAsync(stream, expected, [@event], cancellationToken);
}
