using EarlyWarning.Contracts.Incidents;
using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.Contracts.Warnings;
using EarlyWarning.Rules.Backtesting.Archive;
using EarlyWarning.Rules.Engine;
using EarlyWarning.Rules.Model;

namespace EarlyWarning.Rules.Backtesting;

/// <summary>
/// One engine fed incidents with the time each was (or is taken to be) recorded, appending nothing: what both the
/// back-test as known and the hindsight run are. Remembers how each warning was raised and when it first reached
/// each severity, which the engine itself forgets. A warning resolved as quiet is final: from then on it is held
/// in the run's archive as bytes (<see cref="WarningArchive"/>), or dropped if it first held before the period, so
/// that neither the engine nor the run holds its episode, incidents or snapshot as objects for the rest of a run
/// over years of history. The first call of <see cref="Warnings"/> ends the run: what is still open is archived
/// as it stands, and nothing more can be applied.
/// </summary>
internal sealed class EvaluationRun
{
    private readonly RuleEngine _engine = new();
    private readonly List<WarningDecision> _decisions = [];
    // Keyed by the engine's record of the warning, which stands for it from its raising until it resolves as quiet
    // (when it leaves this map too): found by reference, not by hashing its rule, group and first incident at every
    // event, nor by its id, which is derived only for the warnings reported.
    private readonly Dictionary<WarningRecord, Tracked> _warnings = new(ReferenceEqualityComparer.Instance);
    private readonly WarningArchive _archive = new();
    // The archived warnings, in the order they were archived.
    private readonly List<ArchivedAt> _archived = [];
    private ArchivedWarnings? _reported;
    // The reported warnings by id, for ReachedAt; derived when first asked, after the run.
    private Dictionary<string, ArchivedAt>? _byId;

    public EvaluationRun(RuleSet ruleSet, DateTimeOffset from, DateTimeOffset to)
    {
        RuleSet = ruleSet;
        From = from;
        To = to;
        // A first activation resolves nothing: there is no event to keep.
        _engine.Activate(ruleSet, from, new List<EmittedWarningEvent>());
    }

    public RuleSet RuleSet { get; }

    /// <summary>Warnings first holding at or after this event time are reported.</summary>
    public DateTimeOffset From { get; }

    /// <summary>Incidents that occurred after this are not evaluated.</summary>
    public DateTimeOffset To { get; }

    /// <summary>Incident events evaluated (those that occurred after the period's end are not).</summary>
    public long Events { get; private set; }

    /// <summary>Warnings raised so far, whether or not they first held in the period.</summary>
    public int Raised { get; private set; }

    public long TooLate => _engine.TooLate;

    /// <summary>Evaluates <paramref name="incident"/> as recorded at <paramref name="recordedAt"/>, unless it occurred after the period.</summary>
    /// <exception cref="InvalidOperationException">The run has ended: its warnings were asked for.</exception>
    public void Apply(IncidentSummary incident, DateTimeOffset recordedAt)
    {
        if (_reported is not null)
            throw new InvalidOperationException("The run has ended: its warnings were asked for.");
        if (incident.OccurredAt > To)
            return;
        Events++;
        // Decisions, not events: a back-test reads a handful of facts of each, and reports the final warnings only.
        _engine.Apply(incident, recordedAt, _decisions);
        foreach (var (kind, state, lateBy) in _decisions)
        {
            var record = state.Record;
            if (kind == WarningEventKind.Raised)
            {
                _warnings[record] = new Tracked(record, recordedAt, lateBy);
                Raised++;
            }
            var tracked = _warnings[record];
            tracked.NoteSeverity(CapSeverity.Rank(state.Severity), recordedAt);
            // The record already stands as this whole input left it: resolved as quiet, nothing can change it again.
            if (kind == WarningEventKind.Resolved && record.ResolutionReason is WarningResolved.ReasonQuiet)
            {
                if (InPeriod(record.Last.FirstHeldAt))
                    Archive(tracked);
                _warnings.Remove(record);
            }
        }
        _decisions.Clear();
    }

    /// <summary>The warnings first holding in the period, in order of first holding; ends the run.</summary>
    public IReadOnlyList<BacktestWarning> Warnings()
    {
        if (_reported is null)
        {
            foreach (var tracked in _warnings.Values)
            {
                if (InPeriod(tracked.FirstHeldAt))
                    Archive(tracked);
            }
            _warnings.Clear();
            ArchivedAt[] order =
            [
                .. _archived
                    .Select(at => (At: at, FirstHeldAt: _archive.FirstHeldAt(at), Id: _archive.WarningId(at)))
                    .OrderBy(w => w.FirstHeldAt)
                    .ThenBy(w => w.Id, StringComparer.Ordinal)
                    .Select(w => w.At),
            ];
            _reported = new ArchivedWarnings(_archive, order);
        }
        return _reported;
    }

    /// <summary>When <paramref name="warningId"/>, a reported warning, first stood at <paramref name="severity"/> or above; null if it never did.</summary>
    public DateTimeOffset? ReachedAt(string warningId, string severity)
    {
        Warnings();
        _byId ??= _archived.ToDictionary(_archive.WarningId, StringComparer.Ordinal);
        return _byId.TryGetValue(warningId, out var at) ? _archive.ReachedAt(at, CapSeverity.Rank(severity)) : null;
    }

    public BacktestResult Result(TimeSpan elapsed) => new(RuleSet, From, To, Events, TooLate, Warnings(), elapsed);

    private bool InPeriod(DateTimeOffset firstHeldAt) => firstHeldAt >= From && firstHeldAt <= To;

    private void Archive(Tracked tracked) => _archived.Add(_archive.Add(tracked.Report(), tracked.Rises));

    /// <summary>One warning while it may still change: the engine's record, and the times its severity rose.</summary>
    private sealed class Tracked(WarningRecord record, DateTimeOffset knownAt, TimeSpan? lateBy)
    {
        // The times its severity rose, with the rank it rose to: ranks only grow along the list.
        private readonly List<(DateTimeOffset At, int Rank)> _rises = [];

        public IReadOnlyList<(DateTimeOffset At, int Rank)> Rises => _rises;

        public DateTimeOffset FirstHeldAt => record.Last.FirstHeldAt;

        public BacktestWarning Report() => new(record.Last.Snapshot, knownAt, lateBy, record.Version, record.ResolutionReason);

        public void NoteSeverity(int rank, DateTimeOffset at)
        {
            if (_rises.Count == 0 || _rises[^1].Rank < rank)
                _rises.Add((at, rank));
        }
    }
}
