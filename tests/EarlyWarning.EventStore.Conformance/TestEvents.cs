using System.Text;
using EarlyWarning.EventStore;

namespace EarlyWarning.EventStore.Conformance;

public static class TestEvents
{
    public static EventData New(string type = "V1.TestHappened", string? json = null, EventMetadata? metadata = null) =>
        new(EventIds.New(), type, Encoding.UTF8.GetBytes(json ?? $"{{\"n\":{Random.Shared.Next()}}}"), metadata ?? EventMetadata.Empty);

    public static EventData[] Many(int count, string type = "V1.TestHappened") =>
        Enumerable.Range(0, count).Select(i => New(type, $"{{\"i\":{i}}}")).ToArray();

    public static StreamName UniqueStream(string category = "test") => StreamName.For(category, Guid.NewGuid().ToString("N"));

    public static async Task<List<RecordedEvent>> ReadWholeStreamAsync(this IEventReader reader, StreamName stream)
    {
        var events = new List<RecordedEvent>();
        await foreach (var e in reader.ReadStreamAsync(stream, Direction.Forwards, StreamRevision.Start, long.MaxValue))
            events.Add(e);
        return events;
    }

    public static async Task<List<RecordedEvent>> ReadAllAfterAsync(this IEventReader reader, GlobalPosition after, EventFilter? filter = null)
    {
        var events = new List<RecordedEvent>();
        await foreach (var e in reader.ReadAllAsync(after, long.MaxValue, filter))
            events.Add(e);
        return events;
    }
}
