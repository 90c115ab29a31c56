using EarlyWarning.EventStore.Adapters;

namespace EarlyWarning.EventStore;

/// <summary>
/// Decides, inside one write transaction, where each unit's events go: checks expected revisions,
/// recognises idempotent re-appends, assigns revisions and global positions. Shared by every adapter so
/// they cannot disagree on the semantics; the adapters only read and insert.
/// </summary>
internal sealed class AppendPlanner(IAppendSession session)
{
    private readonly Dictionary<StreamName, StreamRevision?> _revisions = [];
    private readonly Dictionary<Guid, EventLocation> _plannedIds = [];
    private readonly List<PlannedEvent> _planned = [];
    private readonly Dictionary<string, Checkpoint> _checkpoints = new(StringComparer.Ordinal);
    private IReadOnlyDictionary<Guid, EventLocation> _recorded = new Dictionary<Guid, EventLocation>();
    private GlobalPosition _head;

    public IReadOnlyList<PlannedEvent> Planned => _planned;

    public IReadOnlyCollection<Checkpoint> Checkpoints => _checkpoints.Values;

    public GlobalPosition Head => _head;

    public async Task StartAsync(IReadOnlyList<PendingUnit> units, CancellationToken cancellationToken)
    {
        var appends = units.SelectMany(u => u.Appends).ToList();
        var streams = appends.Select(a => a.Stream).ToHashSet();
        var ids = appends.SelectMany(a => a.Events).Select(e => e.Event.EventId).ToList();
        var state = await session.ReadStateAsync(streams, ids, cancellationToken).ConfigureAwait(false);
        _head = state.Head;
        _recorded = state.Recorded;
        foreach (var stream in streams)
            _revisions[stream] = state.Revisions.TryGetValue(stream, out var revision) ? revision : null;
    }

    /// <summary>Plans one unit; on failure nothing of it is planned and the exception says why.</summary>
    public (IReadOnlyList<AppendResult>? Results, Exception? Error) Plan(PendingUnit unit)
    {
        var revisions = new Dictionary<StreamName, StreamRevision?>();
        var planned = new List<PlannedEvent>(unit.EventCount);
        var plannedIds = new Dictionary<Guid, EventLocation>(unit.EventCount);
        var results = new List<AppendResult>(unit.Appends.Count);
        var head = _head;

        foreach (var append in unit.Appends)
        {
            if (!revisions.TryGetValue(append.Stream, out var current))
                current = _revisions[append.Stream];

            var locations = Locate(append, plannedIds);
            if (locations is not null)
            {
                var outcome = RecognizeRepeat(append, locations);
                if (outcome.Error is not null)
                    return (null, outcome.Error);
                results.Add(outcome.Result!);
                continue;
            }

            if (!append.Expected.IsSatisfiedBy(current))
                return (null, new WrongExpectedVersionException(append.Stream, append.Expected, current));

            var revision = current is { } c ? c.Value + 1 : 0;
            foreach (var e in append.Events)
            {
                head = new GlobalPosition(head.Value + 1);
                planned.Add(new PlannedEvent(head, append.Stream, new StreamRevision(revision), e));
                plannedIds[e.Event.EventId] = new EventLocation(append.Stream, new StreamRevision(revision), head);
                revision++;
            }
            current = new StreamRevision(revision - 1);
            revisions[append.Stream] = current;
            results.Add(new AppendResult(append.Stream, current.Value, head, AlreadyRecorded: false));
        }

        foreach (var (stream, revision) in revisions)
            _revisions[stream] = revision;
        foreach (var (id, location) in plannedIds)
            _plannedIds[id] = location;
        _planned.AddRange(planned);
        _head = head;
        if (unit.Checkpoint is { } checkpoint)
            _checkpoints[checkpoint.SubscriptionId] = checkpoint;
        return (results, null);
    }

    /// <summary>Where the append's ids are already recorded or planned; null when none of them is.</summary>
    private EventLocation?[]? Locate(PreparedAppend append, Dictionary<Guid, EventLocation> plannedInUnit)
    {
        EventLocation?[]? locations = null;
        for (var i = 0; i < append.Events.Count; i++)
        {
            var id = append.Events[i].Event.EventId;
            EventLocation? found = _recorded.TryGetValue(id, out var r) ? r
                : _plannedIds.TryGetValue(id, out var p) ? p
                : plannedInUnit.TryGetValue(id, out var u) ? u
                : null;
            if (found is null)
                continue;
            locations ??= new EventLocation?[append.Events.Count];
            locations[i] = found;
        }
        return locations;
    }

    /// <summary>
    /// KurrentDB's idempotence: the same ids, in the same order, in the same stream, at the place the
    /// expectation points to, are a repeat of a write that already happened. Anything else is a conflict.
    /// </summary>
    private static (AppendResult? Result, Exception? Error) RecognizeRepeat(PreparedAppend append, EventLocation?[] locations)
    {
        var first = locations[0];
        for (var i = 0; i < locations.Length; i++)
        {
            var location = locations[i];
            var expectedRevision = first is { } f ? f.Revision.Value + i : -1;
            if (location is not { } l || l.Stream != append.Stream || l.Revision.Value != expectedRevision)
            {
                var conflicting = location ?? locations.First(x => x is not null)!.Value;
                var id = append.Events[location is null ? Array.FindIndex(locations, x => x is not null) : i].Event.EventId;
                return (null, new DuplicateEventIdException(id, append.Stream, conflicting.Stream, conflicting.Revision));
            }
        }

        var start = first!.Value.Revision.Value;
        var samePlace = append.Expected.Kind switch
        {
            ExpectedRevisionKind.NoStream => start == 0,
            ExpectedRevisionKind.Exact => start == append.Expected.Value + 1,
            _ => true,
        };
        var last = locations[^1]!.Value;
        if (!samePlace)
            return (null, new DuplicateEventIdException(append.Events[0].Event.EventId, append.Stream, first.Value.Stream, first.Value.Revision));
        return (new AppendResult(append.Stream, last.Revision, last.Position, AlreadyRecorded: true), null);
    }
}
