using EarlyWarning.Contracts.Incidents;
using EarlyWarning.Contracts.Warnings;
using EarlyWarning.Rules.Engine;
using EarlyWarning.Rules.Model;

namespace EarlyWarning.Rules.Tests.Oracle;

/// <summary>A fresh <see cref="RuleEngine"/> fed one input sequence, with every warning event it emitted.</summary>
public sealed class EngineRun
{
    private EngineRun(RuleEngine engine, IReadOnlyList<EmittedWarningEvent> events)
    {
        Engine = engine;
        Events = events;
    }

    public RuleEngine Engine { get; }

    public IReadOnlyList<EmittedWarningEvent> Events { get; }

    /// <summary>
    /// Every warning as its last event left it, by id: what the engine said, including the warnings resolved as quiet,
    /// which the engine itself forgets.
    /// </summary>
    public IReadOnlyList<KnownWarning> Final => Events
        .GroupBy(e => e.WarningId, StringComparer.Ordinal)
        .Select(g => g.Last())
        .Select(e => e.Event switch
        {
            WarningRaised r => new KnownWarning(r.Warning, r.Version, null),
            WarningUpdated u => new KnownWarning(u.Warning, u.Version, null),
            WarningResolved x => new KnownWarning(x.Warning, x.Version, x.Reason),
            var other => throw new InvalidOperationException($"not a warning event: {other}"),
        })
        .OrderBy(w => w.Snapshot.WarningId, StringComparer.Ordinal)
        .ToList();

    /// <summary>The warnings that stand for an episode, as their events left them: all but those resolved as superseded or withdrawn, by id.</summary>
    public IReadOnlyList<ExpectedWarning> Warnings => Final
        .Where(w => w.ResolutionReason is not (WarningResolved.ReasonSuperseded or WarningResolved.ReasonWithdrawn))
        .Select(w => ExpectedWarning.From(w.Snapshot))
        .ToList();

    public static EngineRun Feed(RuleSet ruleSet, IReadOnlyList<(IncidentSummary Incident, DateTimeOffset RecordedAt)> inputs, int? pruneEvery = null)
    {
        var engine = pruneEvery is { } every ? new RuleEngine { PruneEvery = every } : new RuleEngine();
        var events = new List<EmittedWarningEvent>();
        var activatedAt = inputs.Count > 0 ? inputs[0].RecordedAt.AddMinutes(-1) : DateTimeOffset.UnixEpoch;
        engine.Activate(ruleSet, activatedAt, events);
        foreach (var (incident, recordedAt) in inputs)
        {
            engine.Apply(incident, recordedAt, events);
        }

        return new EngineRun(engine, events);
    }

    /// <summary>
    /// The first way the emitted events contradict each other or the engine's final state, or null: per warning, versions
    /// 1, 2, … with <c>WarningRaised</c> first and <c>WarningResolved</c> (if any) last, so nothing follows a resolution;
    /// the snapshot of the last event is the engine's final one; every warning the engine knows was raised.
    /// </summary>
    public string? Inconsistency()
    {
        var byId = new Dictionary<string, List<EmittedWarningEvent>>(StringComparer.Ordinal);
        foreach (var emitted in Events)
        {
            if (!byId.TryGetValue(emitted.WarningId, out var list))
            {
                byId[emitted.WarningId] = list = [];
            }

            list.Add(emitted);
        }

        var known = Engine.Warnings.ToDictionary(w => w.Snapshot.WarningId, StringComparer.Ordinal);
        foreach (var (id, events) in byId)
        {
            for (var i = 0; i < events.Count; i++)
            {
                var emitted = events[i];
                var (snapshot, version, kind) = emitted.Event switch
                {
                    WarningRaised r => (r.Warning, r.Version, "raised"),
                    WarningUpdated u => (u.Warning, u.Version, "updated"),
                    WarningResolved s => (s.Warning, s.Version, "resolved"),
                    var other => throw new InvalidOperationException($"warning {id}: unexpected event {other.GetType().Name}"),
                };
                if (emitted.Version != i + 1 || version != i + 1)
                {
                    return $"warning {id}: event {i + 1} ({kind}) has version {emitted.Version} (record: {version}), expected {i + 1}";
                }

                if (snapshot.WarningId != id)
                {
                    return $"warning {id}: event {i + 1} ({kind}) carries the snapshot of {snapshot.WarningId}";
                }

                if ((i == 0) != (kind == "raised"))
                {
                    return $"warning {id}: event {i + 1} is {kind}; a warning's first event and only its first is WarningRaised";
                }

                // Only a superseded or withdrawn warning may be followed by more: it reopens when its episode comes back.
                if (emitted.Event is WarningResolved { Reason: not (WarningResolved.ReasonSuperseded or WarningResolved.ReasonWithdrawn) } && i != events.Count - 1)
                {
                    return $"warning {id}: resolved at version {i + 1}, then {events.Count - i - 1} more event(s)";
                }

                if (i > 0 && events[i - 1].Event is WarningResolved
                    && !(emitted.Event is WarningUpdated { Changes: [var reopened, ..] } && reopened.StartsWith("reopened", StringComparison.Ordinal)))
                {
                    return $"warning {id}: event {i + 1} follows its resolution without reopening it";
                }

                var expectedStatus = kind == "resolved" ? WarningSnapshot.Resolved : WarningSnapshot.Open;
                if (snapshot.Status != expectedStatus)
                {
                    return $"warning {id}: event {i + 1} ({kind}) has status {snapshot.Status}";
                }
            }

            if (!known.TryGetValue(id, out var final))
            {
                // Forgotten, which only a warning resolved as quiet may be: nothing can change it again.
                if (events[^1].Event is WarningResolved { Reason: WarningResolved.ReasonQuiet })
                {
                    continue;
                }

                return $"warning {id}: events were emitted but the engine does not list it, and it was not resolved as quiet";
            }

            if (final.ResolutionReason is WarningResolved.ReasonQuiet)
            {
                return $"warning {id}: the engine still lists it, resolved as quiet";
            }

            if (final.Version != events.Count)
            {
                return $"warning {id}: the engine lists version {final.Version}, its events reach {events.Count}";
            }

            var last = events[^1].Event;
            var lastSnapshot = last switch
            {
                WarningRaised r => r.Warning,
                WarningUpdated u => u.Warning,
                _ => ((WarningResolved)last).Warning,
            };
            if (SnapshotDifference(lastSnapshot, final.Snapshot) is { } difference)
            {
                return $"warning {id}: its last event's snapshot differs from the engine's: {difference}";
            }

            var reason = (last as WarningResolved)?.Reason;
            if (final.ResolutionReason != reason)
            {
                return $"warning {id}: the engine lists resolution reason '{final.ResolutionReason}', its events say '{reason}'";
            }
        }

        return known.Keys.FirstOrDefault(id => !byId.ContainsKey(id)) is { } silent
            ? $"warning {silent}: listed by the engine but no event was emitted for it"
            : null;
    }

    private static string? SnapshotDifference(WarningSnapshot a, WarningSnapshot b)
    {
        if (ExpectedWarning.From(a).FirstDifference(ExpectedWarning.From(b)) is { } difference) return difference;
        if (!a.Incidents.SequenceEqual(b.Incidents)) return "incident details";

        // The lists are equal; a record compares them by reference, so give both the same ones before comparing the rest.
        return a with { Incidents = b.Incidents, DistrictIds = b.DistrictIds } == b ? null : $"{a} vs {b}";
    }
}
