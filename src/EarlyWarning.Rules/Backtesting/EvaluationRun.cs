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
    private readonly Dictionary<string, WarningRaised> _raised = new(StringComparer.Ordinal);
    // Per warning, the times its severity rose, with the rank it rose to: ranks only grow along the list.
    private readonly Dictionary<string, List<(DateTimeOffset At, int Rank)>> _rises = new(StringComparer.Ordinal);
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
            var (snapshot, knownAt) = emitted.Event switch
            {
                WarningRaised r => (r.Warning, r.KnownAt),
                WarningUpdated u => (u.Warning, u.KnownAt),
                WarningResolved s => (s.Warning, s.KnownAt),
                _ => (null, default),
            };
            if (emitted.Event is WarningRaised raised)
                _raised[emitted.WarningId] = raised;
            if (snapshot is not null)
                NoteSeverity(emitted.WarningId, CapSeverity.Rank(snapshot.Severity), knownAt);
        }
        _output.Clear();
    }

    /// <summary>The warnings first holding in the period, in order of first holding.</summary>
    public IReadOnlyList<BacktestWarning> Warnings() =>
        _engine.Warnings
            .Where(w => w.Snapshot.FirstHeldAt >= From && w.Snapshot.FirstHeldAt <= To && _raised.ContainsKey(w.Snapshot.WarningId))
            .Select(w => new BacktestWarning(w.Snapshot, _raised[w.Snapshot.WarningId].KnownAt, _raised[w.Snapshot.WarningId].LateBy, w.Version, w.ResolutionReason))
            .OrderBy(w => w.Warning.FirstHeldAt).ThenBy(w => w.Warning.WarningId, StringComparer.Ordinal)
            .ToList();

    /// <summary>The severity <paramref name="warningId"/> was raised with.</summary>
    public string RaisedSeverity(string warningId) => _raised[warningId].Warning.Severity;

    /// <summary>When <paramref name="warningId"/> first stood at <paramref name="severity"/> or above; null if it never did.</summary>
    public DateTimeOffset? ReachedAt(string warningId, string severity)
    {
        if (!_rises.TryGetValue(warningId, out var rises))
            return null;
        var rank = CapSeverity.Rank(severity);
        var i = rises.FindIndex(r => r.Rank >= rank);
        return i < 0 ? null : rises[i].At;
    }

    public BacktestResult Result(TimeSpan elapsed) => new(RuleSet, From, To, Events, TooLate, Warnings(), elapsed);

    private void NoteSeverity(string warningId, int rank, DateTimeOffset at)
    {
        if (!_rises.TryGetValue(warningId, out var rises))
            _rises[warningId] = rises = [];
        if (rises.Count == 0 || rises[^1].Rank < rank)
            rises.Add((at, rank));
    }
}
