using EarlyWarning.Contracts.Incidents;
using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.Contracts.Warnings;
using EarlyWarning.Rules.Engine;
using EarlyWarning.Rules.Model;

namespace EarlyWarning.Rules.Backtesting;

/// <summary>
/// One engine fed incidents with the time each was (or is taken to be) recorded, appending nothing: what both the
/// back-test as known and the hindsight run are. Remembers how each warning was raised and when it first reached
/// each severity, which the engine itself forgets.
/// </summary>
internal sealed class EvaluationRun
{
    private readonly RuleEngine _engine = new();
    private readonly List<EmittedWarningEvent> _output = [];
    // Keyed by the engine's record of the warning, not its id: the id is derived only for the warnings reported.
    private readonly Dictionary<WarningRecord, EmittedWarningEvent> _raised = [];
    // Per warning, the times its severity rose, with the rank it rose to: ranks only grow along the list.
    private readonly Dictionary<WarningRecord, List<(DateTimeOffset At, int Rank)>> _rises = [];
    // The reported warnings by id, for ReachedAt; derived when first asked, after the run.
    private Dictionary<string, WarningRecord>? _byId;
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

    public int Raised => _raised.Count;

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
            if (emitted.Kind == WarningEventKind.Raised)
            {
                _raised[emitted.Record] = emitted;
                _byId = null;
            }
            NoteSeverity(emitted.Record, CapSeverity.Rank(emitted.Severity), emitted.KnownAt);
        }
        _output.Clear();
    }

    /// <summary>The warnings first holding in the period, in order of first holding.</summary>
    public IReadOnlyList<BacktestWarning> Warnings()
    {
        var warnings = new List<BacktestWarning>();
        foreach (var (record, emitted) in _raised)
        {
            var raised = (WarningRaised)emitted.Event;
            var last = record.Last.Snapshot;
            if (last.FirstHeldAt < From || last.FirstHeldAt > To)
                continue;
            warnings.Add(new BacktestWarning(last, raised.KnownAt, raised.LateBy, record.Version, record.ResolutionReason));
        }
        return [.. warnings.OrderBy(w => w.Warning.FirstHeldAt).ThenBy(w => w.Warning.WarningId, StringComparer.Ordinal)];
    }

    /// <summary>When <paramref name="warningId"/> first stood at <paramref name="severity"/> or above; null if it never did.</summary>
    public DateTimeOffset? ReachedAt(string warningId, string severity)
    {
        _byId ??= _raised.Keys.ToDictionary(r => r.Id, StringComparer.Ordinal);
        if (!_byId.TryGetValue(warningId, out var record) || !_rises.TryGetValue(record, out var rises))
            return null;
        var rank = CapSeverity.Rank(severity);
        var i = rises.FindIndex(r => r.Rank >= rank);
        return i < 0 ? null : rises[i].At;
    }

    public BacktestResult Result(TimeSpan elapsed) => new(RuleSet, From, To, Events, TooLate, Warnings(), elapsed);

    private void NoteSeverity(WarningRecord record, int rank, DateTimeOffset at)
    {
        if (!_rises.TryGetValue(record, out var rises))
            _rises[record] = rises = [];
        if (rises.Count == 0 || rises[^1].Rank < rank)
            rises.Add((at, rank));
    }
}
