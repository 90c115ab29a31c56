using EarlyWarning.Contracts.Incidents;
using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.Contracts.Warnings;
using EarlyWarning.Rules.Engine;
using EarlyWarning.Rules.Model;

namespace EarlyWarning.Rules.Backtesting;

/// <summary>
/// One engine fed incidents with the time each was (or is taken to be) recorded, appending nothing: what both the
/// back-test as known and the hindsight run are. Remembers how each warning was raised and when it first reached
/// each severity, which the engine itself forgets. A warning resolved as quiet is final: it is reported from then on
/// by its last snapshot alone, or dropped if it first held before the period, so that neither the engine nor the run
/// holds its episode and incidents for the rest of a run over years of history.
/// </summary>
internal sealed class EvaluationRun
{
    private readonly RuleEngine _engine = new();
    private readonly List<EmittedWarningEvent> _output = [];
    // Keyed by what makes a warning the same warning, not its id: the id is derived only for the warnings reported.
    private readonly Dictionary<WarningKey, Tracked> _warnings = [];
    // The reported warnings by id, for ReachedAt; derived when first asked, after the run.
    private Dictionary<string, Tracked>? _byId;

    public EvaluationRun(RuleSet ruleSet, DateTimeOffset from, DateTimeOffset to)
    {
        RuleSet = ruleSet;
        From = from;
        To = to;
        _engine.Activate(ruleSet, from, _output);
        _output.Clear();
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
    public void Apply(IncidentSummary incident, DateTimeOffset recordedAt)
    {
        if (incident.OccurredAt > To)
            return;
        Events++;
        _engine.Apply(incident, recordedAt, _output);
        foreach (var emitted in _output)
        {
            var record = emitted.Record;
            if (emitted.Kind == WarningEventKind.Raised)
            {
                _warnings[record.Key] = new Tracked(record, emitted.KnownAt, emitted.LateBy);
                Raised++;
                _byId = null;
            }
            var tracked = _warnings[record.Key];
            tracked.NoteSeverity(CapSeverity.Rank(emitted.Severity), emitted.KnownAt);
            // The record already stands as this whole input left it: resolved as quiet, nothing can change it again.
            if (emitted.Kind == WarningEventKind.Resolved && record.ResolutionReason is WarningResolved.ReasonQuiet)
            {
                if (InPeriod(record.Last.FirstHeldAt))
                    tracked.Close();
                else
                    _warnings.Remove(record.Key);
            }
        }
        _output.Clear();
    }

    /// <summary>The warnings first holding in the period, in order of first holding.</summary>
    public IReadOnlyList<BacktestWarning> Warnings() =>
    [
        .. _warnings.Values
            .Select(t => t.Report())
            .Where(w => InPeriod(w.Warning.FirstHeldAt))
            .OrderBy(w => w.Warning.FirstHeldAt)
            .ThenBy(w => w.Warning.WarningId, StringComparer.Ordinal),
    ];

    /// <summary>When <paramref name="warningId"/> first stood at <paramref name="severity"/> or above; null if it never did.</summary>
    public DateTimeOffset? ReachedAt(string warningId, string severity)
    {
        _byId ??= _warnings.Values.ToDictionary(t => t.Report().Warning.WarningId, StringComparer.Ordinal);
        return _byId.TryGetValue(warningId, out var tracked) ? tracked.ReachedAt(CapSeverity.Rank(severity)) : null;
    }

    public BacktestResult Result(TimeSpan elapsed) => new(RuleSet, From, To, Events, TooLate, Warnings(), elapsed);

    private bool InPeriod(DateTimeOffset firstHeldAt) => firstHeldAt >= From && firstHeldAt <= To;

    /// <summary>One warning: the engine's record while it may still change, its report once it cannot.</summary>
    private sealed class Tracked(WarningRecord record, DateTimeOffset knownAt, TimeSpan? lateBy)
    {
        private WarningRecord? _record = record;
        private BacktestWarning? _final;
        // The times its severity rose, with the rank it rose to: ranks only grow along the list.
        private readonly List<(DateTimeOffset At, int Rank)> _rises = [];

        public BacktestWarning Report() =>
            _final ?? new BacktestWarning(_record!.Last.Snapshot, knownAt, lateBy, _record.Version, _record.ResolutionReason);

        /// <summary>Keeps the report and lets go of the record, and with it the warning's incidents.</summary>
        public void Close()
        {
            _final = Report();
            _record = null;
        }

        public void NoteSeverity(int rank, DateTimeOffset at)
        {
            if (_rises.Count == 0 || _rises[^1].Rank < rank)
                _rises.Add((at, rank));
        }

        public DateTimeOffset? ReachedAt(int rank)
        {
            var i = _rises.FindIndex(r => r.Rank >= rank);
            return i < 0 ? null : _rises[i].At;
        }
    }
}
