namespace EarlyWarning.EventStore;

/// <summary>
/// Which events of <c>$all</c> a reader wants: an event passes when its type starts with one of
/// <see cref="EventTypePrefixes"/> (or there are none) and its stream starts with one of
/// <see cref="StreamPrefixes"/> (or there are none). Applied in the database, not after reading.
/// </summary>
public sealed record EventFilter(IReadOnlyList<string> EventTypePrefixes, IReadOnlyList<string> StreamPrefixes)
{
    public static EventFilter ForEventTypes(params string[] prefixes) => new(prefixes, []);

    public static EventFilter ForStreams(params string[] prefixes) => new([], prefixes);

    public bool Matches(RecordedEvent e) =>
        (EventTypePrefixes.Count == 0 || EventTypePrefixes.Any(p => e.Type.StartsWith(p, StringComparison.Ordinal)))
        && (StreamPrefixes.Count == 0 || StreamPrefixes.Any(p => e.Stream.Value.StartsWith(p, StringComparison.Ordinal)));
}
