using System.Text.Json;
using EarlyWarning.EventStore.Adapters;

namespace EarlyWarning.EventStore;

/// <summary>Rejects bad input before it reaches the writer, so a bad append never costs or blocks anyone else's.</summary>
internal static class AppendValidator
{
    public static IReadOnlyList<PreparedAppend> Prepare(IReadOnlyList<StreamAppend> appends, Checkpoint? checkpoint, EventStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(appends);
        if (appends.Count == 0 && checkpoint is null)
            throw new ArgumentException("Nothing to append: give at least one stream append or a checkpoint.", nameof(appends));
        if (checkpoint is not null)
            ValidateCheckpoint(checkpoint);

        var seen = new HashSet<Guid>();
        var prepared = new PreparedAppend[appends.Count];
        for (var i = 0; i < appends.Count; i++)
        {
            var append = appends[i] ?? throw new ArgumentException($"Append {i} is null.", nameof(appends));
            if (append.Stream.Value is null)
                throw new ArgumentException($"Append {i} has no stream name.", nameof(appends));
            if (append.Events is null || append.Events.Count == 0)
                throw new ArgumentException($"The append to '{append.Stream}' has no events.", nameof(appends));

            var events = new PreparedEvent[append.Events.Count];
            for (var j = 0; j < events.Length; j++)
            {
                var e = append.Events[j] ?? throw new ArgumentException($"Event {j} of the append to '{append.Stream}' is null.", nameof(appends));
                events[j] = PrepareEvent(e, append.Stream, options);
                if (!seen.Add(e.EventId))
                    throw new ArgumentException($"Event id {e.EventId} appears twice in one append.", nameof(appends));
            }
            prepared[i] = new PreparedAppend(append.Stream, append.Expected, events);
        }
        return prepared;
    }

    private static PreparedEvent PrepareEvent(EventData e, StreamName stream, EventStoreOptions options)
    {
        if (e.EventId == Guid.Empty)
            throw new ArgumentException($"An event for '{stream}' has an empty event id.", nameof(e));
        if (string.IsNullOrWhiteSpace(e.Type))
            throw new ArgumentException($"Event {e.EventId} has no type.", nameof(e));
        if (e.Type.Length > EventData.MaxTypeLength || e.Type.Any(char.IsControl))
            throw new ArgumentException($"Event {e.EventId} has an invalid type: at most {EventData.MaxTypeLength} characters, no control characters.", nameof(e));

        var metadata = MetadataCodec.Encode(e.Metadata ?? EventMetadata.Empty);
        long size = e.Data.Length + metadata.Length;
        if (size > options.MaxEventSizeBytes)
            throw new EventTooLargeException(e.EventId, size, options.MaxEventSizeBytes);
        if (!IsJson(e.Data.Span))
            throw new ArgumentException($"The data of event {e.EventId} ({e.Type}) is not valid UTF-8 JSON.", nameof(e));
        return new PreparedEvent(e, metadata);
    }

    private static void ValidateCheckpoint(Checkpoint checkpoint)
    {
        if (string.IsNullOrWhiteSpace(checkpoint.SubscriptionId) || checkpoint.SubscriptionId.Length > Checkpoint.MaxIdLength)
            throw new ArgumentException($"A subscription id must be 1 to {Checkpoint.MaxIdLength} characters.", nameof(checkpoint));
        if (checkpoint.Position.Value < 0)
            throw new ArgumentException("A checkpoint position must not be negative.", nameof(checkpoint));
    }

    private static bool IsJson(ReadOnlySpan<byte> utf8)
    {
        // The reader does not check the bytes inside strings; stored evidence must be valid text.
        if (utf8.IsEmpty || !System.Text.Unicode.Utf8.IsValid(utf8))
            return false;
        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            reader.Read();
            reader.Skip();
            // A second top-level value ("{} {}") is not one JSON document.
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
