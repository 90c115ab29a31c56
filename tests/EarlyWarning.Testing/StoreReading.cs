using EarlyWarning.EventStore;

namespace EarlyWarning.Testing;

/// <summary>What tests read back from a store to check what was recorded.</summary>
public static class StoreReading
{
    /// <summary>Every event of a stream, decoded, in order; empty for a stream that does not exist.</summary>
    public static async Task<List<object>> EventsAsync(this IEventReader store, EventTypeRegistry registry, StreamName stream)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(registry);
        var events = new List<object>();
        await foreach (var recorded in store.ReadStreamAsync(stream, Direction.Forwards, StreamRevision.Start, long.MaxValue).ConfigureAwait(false))
            events.Add(registry.Deserialize(recorded)!);
        return events;
    }
}
