using System.Runtime.InteropServices;
using EarlyWarning.Contracts.Incidents;
using EarlyWarning.Contracts.Rules;
using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.Contracts.Warnings;
using EarlyWarning.Rules.Model;

namespace EarlyWarning.Rules.Engine;

/// <summary>
/// Evaluates a rule set on event time, one input at a time, and says which warning events follow
/// (docs/rules.md, "Semantics"). Deterministic: the same inputs in the same order give the same events,
/// which is what makes a replay equal the live run. Not thread-safe; one loop drives it.
/// </summary>
public sealed class RuleEngine : IEpisodeSink
{
    // Pruning visits every group of every rule, but what it leaves behind costs more: state kept past its use is
    // promoted by the collector and scanned again and again. Measured on the benchmark's history (docs/benchmarks.md):
    // every 1,024 incidents ran about twice as fast as every 4,096, and every 256 no faster.
    private const int DefaultPruneEvery = 1024;

    // Every this many prunings visit every group, not only those that admitted an entry since the last.
    private const int PruneEveryGroupEvery = 16;

    private readonly List<RuleRuntime> _rules = [];
    private readonly Dictionary<WarningKey, WarningRecord> _book = [];
    // Open warnings, each knowing its place (WarningRecord.OpenAt), so opening and closing one neither hashes nor searches.
    private readonly List<WarningRecord> _open = [];
    // The open warnings of rules that inhibit others, a handful: all a suppression has to look at.
    private readonly List<WarningRecord> _openInhibitors = [];
    private readonly PriorityQueue<WarningRecord, DueAt> _due = new();
    private readonly SortedDictionary<string, SilenceAdded> _silences = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IncidentSlot> _incidents = new(StringComparer.Ordinal);
    // Per incident type, which rules can admit it (by their place): one lookup an incident instead of every rule's filter.
    private readonly Dictionary<string, bool[]> _admitting = new(StringComparer.Ordinal);
    private RuleSet? _ruleSet;
    private long? _frontier;
    private long _applied;

    private static readonly ICollection<EmittedWarningEvent> NoEvents = Array.Empty<EmittedWarningEvent>();

    private ICollection<EmittedWarningEvent> _output = [];
    // Set for a call that wants decisions instead of events; events then go nowhere.
    private List<WarningDecision>? _decisions;

    /// <summary>How many incidents between prunings; pruning must never change a result, which tests check by pruning often.</summary>
    internal int PruneEvery { get; init; } = DefaultPruneEvery;
    private DateTimeOffset _recordedAt;
    private TimeSpan? _lateBy;

    /// <summary>The rule set in force, or null before the first activation.</summary>
    public RuleSet? RuleSet => _ruleSet;

    /// <summary>The greatest occurred-at of every incident event processed.</summary>
    public DateTimeOffset? Frontier => _frontier is { } f ? new DateTimeOffset(f, TimeSpan.Zero) : null;

    /// <summary>Frontier minus the allowed lateness: incident events before it change nothing.</summary>
    public DateTimeOffset? Watermark => _frontier is { } f ? new DateTimeOffset(f - Lateness, TimeSpan.Zero) : null;

    /// <summary>Incident events that arrived before the watermark and were not evaluated.</summary>
    public long TooLate { get; private set; }

    /// <summary>Incidents some rule still holds an entry of: what the engine remembers of the incident history.</summary>
    internal int IncidentsHeld => _incidents.Count;

    /// <summary>Groups the rules hold, empty ones included (see <see cref="RuleRuntime.KeptGroups"/>).</summary>
    internal int GroupsHeld => _rules.Sum(r => r.GroupCount);

    /// <summary>Warnings the engine still holds (see <see cref="Warnings"/>).</summary>
    internal int WarningsHeld => _book.Count;

    /// <summary>
    /// The warnings the engine still holds, by id order: the open ones, and those resolved in a way that can be undone
    /// (withdrawn, superseded, rule changed: their episode may come back). A warning resolved as quiet is forgotten
    /// once resolved: the watermark has passed its quiet period, so nothing the engine accepts can touch it again, and
    /// its events already say everything about it. Memory then follows the open warnings, not the whole history.
    /// </summary>
    public IReadOnlyList<KnownWarning> Warnings =>
        _book.Values.OrderBy(r => r.Id, StringComparer.Ordinal).Select(r => new KnownWarning(r.Last.Snapshot, r.Version, r.ResolutionReason)).ToList();

    private long Lateness => (_ruleSet?.AllowedLateness ?? RuleSet.DefaultAllowedLateness).Ticks;

    private long WatermarkTicks => _frontier is { } f ? f - Lateness : long.MinValue;

    /// <summary>Puts <paramref name="ruleSet"/> in force (docs/rules.md, "Activation").</summary>
    public void Activate(RuleSet ruleSet, DateTimeOffset recordedAt, ICollection<EmittedWarningEvent> output)
    {
        Begin(recordedAt, output, null);
        var sitesChanged = _ruleSet is null || !_ruleSet.Sites.SequenceEqual(ruleSet.Sites);
        var next = new List<RuleRuntime>(ruleSet.Rules.Count);
        foreach (var rule in ruleSet.Rules)
        {
            var kept = _rules.Find(r => r.Rule.Id == rule.Id && r.Rule.Fingerprint == rule.Fingerprint && !(sitesChanged && rule.Pattern is RulePattern.Proximity));
            next.Add(kept ?? new RuleRuntime(rule, ruleSet.Sites));
        }
        var dropped = _rules.Where(r => !next.Contains(r)).ToList();
        var from = next.Select(r => _rules.IndexOf(r)).ToArray();
        foreach (var slot in _incidents.Values)
            slot.Reindex(from);
        foreach (var empty in _incidents.Values.Where(s => s.IsEmpty).ToList())
            _incidents.Remove(empty.IncidentId);
        _ruleSet = ruleSet;
        _admitting.Clear();
        _rules.Clear();
        _rules.AddRange(next);
        for (var i = 0; i < next.Count; i++)
            next[i].Index = i;
        var inhibited = next.SelectMany(r => r.Rule.Inhibits).ToHashSet(StringComparer.Ordinal);
        foreach (var rule in next)
            rule.IsInhibited = inhibited.Contains(rule.Rule.Id);
        foreach (var record in _open.Where(r => dropped.Contains(r.Rule!)).OrderBy(r => r.Id, StringComparer.Ordinal).ToList())
            Resolve(record, WarningResolved.ReasonRuleChanged, null, Frontier ?? recordedAt);
        RefreshSuppressions(null);
    }

    /// <summary>An incident as it now stands (from any event of its stream), recorded at <paramref name="recordedAt"/>.</summary>
    public void Apply(IncidentSummary incident, DateTimeOffset recordedAt, ICollection<EmittedWarningEvent> output) =>
        Apply(incident, recordedAt, output, null);

    private void Apply(IncidentSummary incident, DateTimeOffset recordedAt, ICollection<EmittedWarningEvent> output, List<WarningDecision>? decisions)
    {
        var t = incident.OccurredAt.UtcTicks;
        if (t < WatermarkTicks)
        {
            TooLate++;
            Begin(recordedAt, output, null, decisions);
            ExpireSilences();
            return;
        }
        Begin(recordedAt, output, _frontier is { } f && t < f ? TimeSpan.FromTicks(f - t) : null, decisions);
        ExpireSilences();
        if (_frontier is not { } frontier || t > frontier)
        {
            _frontier = t;
            ResolveQuiet();
        }
        var id = incident.IncidentId;
        var admitting = Admitting(incident.IncidentType);
        IncidentSlot? slot;
        if (admitting.AsSpan().Contains(true))
        {
            // Found or added with one hashing of the id: nearly every incident is new, and some rule admits it. The
            // slot is in the map before the rules run, which never touch the map; one that ends up empty leaves it.
            ref var held = ref CollectionsMarshal.GetValueRefOrAddDefault(_incidents, id, out _);
            if (held is not null && LeftBehind(held))
                held = null;
            slot = held ??= new IncidentSlot(id, _rules.Count);
        }
        else if (!_incidents.TryGetValue(id, out slot))
        {
            // No rule admits its type, and none holds an earlier version: nothing to do but count it.
            CountApplied();
            return;
        }
        else if (LeftBehind(slot))
        {
            // The earlier version is left behind, and no rule admits this one.
            _incidents.Remove(id);
            CountApplied();
            return;
        }
        var killed = CompiledFilter.KilledAll(incident);
        for (var i = 0; i < _rules.Count; i++)
        {
            var old = slot.Held(i);
            // A rule that cannot admit the type has nothing to do, unless it holds an earlier version of the incident.
            if (old is null && !admitting[i])
                continue;
            var head = _rules[i].Apply(incident, killed, admitting[i], old, this);
            if (head is not null || old is not null)
                slot.Set(i, head);
        }
        if (slot.IsEmpty)
            _incidents.Remove(id);
        CountApplied();
    }

    /// <summary>
    /// Whether the incident's earlier version, which <paramref name="slot"/> holds, lies before the watermark; if so, it
    /// is left behind (docs/rules.md, "Moved out of the past"): what was concluded before the watermark stands, and
    /// from it on the incident counts at its new time only. The outcome is the same whether a rule still held that
    /// version or had pruned it.
    /// </summary>
    private bool LeftBehind(IncidentSlot slot)
    {
        var watermark = WatermarkTicks;
        if (slot.VersionTicks >= watermark)
            return false;
        for (var i = 0; i < _rules.Count; i++)
            _rules[i].LeaveBehind(slot.Held(i), watermark, this);
        slot.LeaveBehind();
        return true;
    }

    /// <summary>Counts the incident applied, and prunes every <see cref="PruneEvery"/>.</summary>
    private void CountApplied()
    {
        if (++_applied % PruneEvery == 0)
        {
            var everyGroup = _applied % (PruneEvery * PruneEveryGroupEvery) == 0;
            foreach (var rule in _rules)
                rule.Prune(WatermarkTicks, _incidents, everyGroup);
        }
    }

    /// <summary>
    /// As <see cref="Apply(IncidentSummary, DateTimeOffset, ICollection{EmittedWarningEvent})"/>, for a caller that
    /// needs only what was decided about each warning, not the events (a back-test): no event object is made. All
    /// were decided at <paramref name="recordedAt"/>.
    /// </summary>
    internal void Apply(IncidentSummary incident, DateTimeOffset recordedAt, List<WarningDecision> decisions) =>
        Apply(incident, recordedAt, NoEvents, decisions);

    /// <summary>Which rules, by their place, can admit an incident of <paramref name="type"/>.</summary>
    private bool[] Admitting(string type)
    {
        if (_admitting.TryGetValue(type, out var admitting))
            return admitting;
        admitting = new bool[_rules.Count];
        for (var i = 0; i < _rules.Count; i++)
            admitting[i] = _rules[i].Types is not { } types || types.Contains(type);
        // Types are a short vocabulary; the bound only keeps a stream of unknown ones from growing the map.
        if (_admitting.Count < 1024)
            _admitting[type] = admitting;
        return admitting;
    }

    public void Apply(SilenceAdded silence, DateTimeOffset recordedAt, ICollection<EmittedWarningEvent> output)
    {
        Begin(recordedAt, output, null);
        ExpireSilences();
        if (silence.EndsAt <= recordedAt)
            return;
        _silences[silence.SilenceId] = silence;
        RefreshSuppressions(null);
    }

    public void Apply(SilenceRemoved removal, DateTimeOffset recordedAt, ICollection<EmittedWarningEvent> output)
    {
        Begin(recordedAt, output, null);
        ExpireSilences();
        if (_silences.Remove(removal.SilenceId))
            RefreshSuppressions(null);
    }

    void IEpisodeSink.Changed(RuleRuntime rule, GroupState group, Episode episode)
    {
        // Never a warning resolved as quiet: its episode left the live ones when it resolved and the watermark had
        // passed its quiet period, so no input the engine accepts reaches it again; it is out of the book (Warnings).
        var record = RecordOf(episode);
        // Most calls extend an open warning by an incident or find nothing a reader sees changed: the episode's
        // facts are compared with the last version's, and nothing is built for a version that is not emitted.
        var opened = record is null || record.ResolutionReason is not null;
        if (record is null)
        {
            record = new WarningRecord(episode.Key);
            episode.Record = record;
            _book[episode.Key] = record;
        }
        var state = new WarningVersion(record, rule, group, _ruleSet!.Hash, episode, Suppression(rule, group.ProvinceId, group), record.Last);
        if (record.ResolutionReason is { } reason)
        {
            // Superseded or withdrawn, and now its episode is back (a late report that moved the start of the
            // pattern was itself retracted, say). The warning is the episode's; it reopens rather than leaving the
            // episode without one.
            var before = record.Last;
            record.ResolutionReason = null;
            record.Version++;
            record.Last = state;
            Open(record);
            EmitUpdated(record.Version, state, before, _lateBy, reason);
        }
        else if (record.Last is null)
        {
            record.Last = state;
            Open(record);
            EmitRaised(state);
        }
        else if (!state.SameAs(record.Last))
        {
            var before = record.Last;
            record.Version++;
            record.Last = state;
            EmitUpdated(record.Version, state, before, _lateBy);
        }
        record.Rule = rule;
        record.Group = group;
        record.Episode = episode;
        if (rule.Rule.Inhibits.Count > 0 && !_openInhibitors.Contains(record))
            _openInhibitors.Add(record);
        Schedule(record, rule.ResolvesAfter(episode));
        if (opened && rule.Rule.Inhibits.Count > 0)
            RefreshSuppressions(rule.Rule.Inhibits);
    }

    void IEpisodeSink.Vanished(RuleRuntime rule, GroupState group, Episode episode, Episode? successor)
    {
        var record = RecordOf(episode);
        if (record is null || record.ResolutionReason is not null)
            return;
        Resolve(record, successor is null ? WarningResolved.ReasonWithdrawn : WarningResolved.ReasonSuperseded, successor?.Key, Frontier!.Value);
    }

    /// <summary>The warning of <paramref name="episode"/>, if it has one: looked up once, then kept on the episode.</summary>
    private WarningRecord? RecordOf(Episode episode) => episode.Record ??= _book.GetValueOrDefault(episode.Key);

    private void Begin(DateTimeOffset recordedAt, ICollection<EmittedWarningEvent> output, TimeSpan? lateBy, List<WarningDecision>? decisions = null)
    {
        _recordedAt = recordedAt;
        _output = output;
        _decisions = decisions;
        _lateBy = lateBy;
    }

    // Each event goes out as an event, or as a decision to a caller that asked for those (a back-test).
    private void EmitRaised(WarningVersion state)
    {
        if (_decisions is { } decisions)
            decisions.Add(new WarningDecision(WarningEventKind.Raised, state, _lateBy));
        else
            _output.Add(EmittedWarningEvent.Raised(state, _recordedAt, _lateBy));
    }

    private void EmitResolved(int version, WarningVersion state, string reason, WarningKey? supersededBy)
    {
        if (_decisions is { } decisions)
            decisions.Add(new WarningDecision(WarningEventKind.Resolved, state, null));
        else
            _output.Add(EmittedWarningEvent.Resolved(version, state, reason, supersededBy, _recordedAt));
    }

    private void EmitUpdated(int version, WarningVersion state, WarningVersion before, TimeSpan? lateBy, string? reopenedAfter = null)
    {
        if (_decisions is { } decisions)
            decisions.Add(new WarningDecision(WarningEventKind.Updated, state, lateBy));
        else
            _output.Add(EmittedWarningEvent.Updated(version, state, before, _recordedAt, lateBy, reopenedAfter));
    }

    /// <summary>Resolves, in due order, every open warning whose quiet period the watermark has passed.</summary>
    private void ResolveQuiet()
    {
        var watermark = WatermarkTicks;
        while (_due.TryPeek(out var record, out var due))
        {
            if (due.IsStale)
            {
                _due.Dequeue();
                continue;
            }
            if (due.Ticks >= watermark)
                break;
            _due.Dequeue();
            record.Queued = null;
            if (record.Due is not { } end)
                continue;
            if (end != due.Ticks)
            {
                // Its quiet period ends later than it did when queued: it goes back in the queue at its end.
                Enqueue(record, end);
                continue;
            }
            record.Group!.Live.Remove(record.Episode!);
            Resolve(record, WarningResolved.ReasonQuiet, null, new DateTimeOffset(record.Episode!.Last.Ticks + record.Rule!.QuietTicks, TimeSpan.Zero));
            _book.Remove(record.Key);
        }
    }

    private void Resolve(WarningRecord record, string reason, WarningKey? supersededBy, DateTimeOffset resolvedAt)
    {
        Close(record);
        _openInhibitors.Remove(record);
        record.Due = null;
        record.Version++;
        record.ResolutionReason = reason;
        record.Last = record.Last.Resolved(resolvedAt);
        var rule = record.Rule!;
        record.Rule = null;
        record.Group = null;
        record.Episode = null;
        EmitResolved(record.Version, record.Last, reason, supersededBy);
        if (rule.Rule.Inhibits.Count > 0)
            RefreshSuppressions(rule.Rule.Inhibits);
    }

    private void Open(WarningRecord record)
    {
        record.OpenAt = _open.Count;
        _open.Add(record);
    }

    private void Close(WarningRecord record)
    {
        var last = _open[^1];
        _open[record.OpenAt] = last;
        last.OpenAt = record.OpenAt;
        _open.RemoveAt(_open.Count - 1);
        record.OpenAt = -1;
    }

    private void Schedule(WarningRecord record, long due)
    {
        if (record.Due == due)
            return;
        record.Due = due;
        // A live entry at or before the new end comes up first and moves then (ResolveQuiet).
        if (record.Queued is not { } queued || due < queued)
            Enqueue(record, due);
    }

    private void Enqueue(WarningRecord record, long due)
    {
        record.Queued = due;
        _due.Enqueue(record, new DueAt(due, record));
    }

    private void ExpireSilences()
    {
        if (_silences.Count == 0)
            return;
        var expired = _silences.Values.Where(s => s.EndsAt <= _recordedAt).Select(s => s.SilenceId).ToList();
        foreach (var id in expired)
            _silences.Remove(id);
        if (expired.Count > 0)
            RefreshSuppressions(null);
    }

    /// <summary>Re-evaluates the suppression of the open warnings of <paramref name="ruleIds"/> (every rule when null); updates those that changed, in id order.</summary>
    private void RefreshSuppressions(IReadOnlyList<string>? ruleIds)
    {
        List<(WarningRecord Record, WarningSuppression? Suppression)>? changed = null;
        foreach (var record in _open)
        {
            // An inhibitor opening or resolving concerns only the rules it names, all of them inhibited ones: the
            // flag passes over the others without comparing ids.
            if (ruleIds is not null && (!record.Rule!.IsInhibited || !ruleIds.Contains(record.Key.RuleId)))
                continue;
            var suppression = Suppression(record.Rule!, record.Group!.ProvinceId, record.Group);
            if (suppression != record.Last.Suppression)
                (changed ??= []).Add((record, suppression));
        }
        if (changed is null)
            return;
        changed.Sort(static (a, b) => string.CompareOrdinal(a.Record.Id, b.Record.Id));
        foreach (var (record, suppression) in changed)
        {
            var before = record.Last;
            record.Version++;
            record.Last = before.With(suppression);
            EmitUpdated(record.Version, record.Last, before, null);
        }
    }

    private WarningSuppression? Suppression(RuleRuntime runtime, string? provinceId, GroupState group)
    {
        if (_silences.Count == 0 && !runtime.IsInhibited)
            return null;
        var rule = runtime.Rule;
        foreach (var silence in _silences.Values)
        {
            if ((silence.RuleId is null || silence.RuleId == rule.Id)
                && (silence.ProvinceId is null || silence.ProvinceId == provinceId)
                && (silence.DistrictId is null || (rule.GroupBy == GroupBy.District && silence.DistrictId == group.Key)))
                return new WarningSuppression(WarningSuppression.Silenced, silence.SilenceId, silence.Reason);
        }
        WarningRecord? inhibitor = null;
        foreach (var record in _openInhibitors)
        {
            if (!record.Rule!.Rule.Inhibits.Contains(rule.Id))
                continue;
            if (record.Group!.ProvinceId is { } p && p != provinceId)
                continue;
            if (inhibitor is null || HeldEarlier(record, inhibitor))
                inhibitor = record;
        }
        // The reason names the inhibiting rule and group, not its headline: a headline changes with every update of
        // the inhibitor, and a suppression that changed with it would update every warning it suppresses.
        return inhibitor is null ? null : new WarningSuppression(WarningSuppression.Inhibited, inhibitor.Id, $"{inhibitor.Last.Rule.Rule.Title} — {inhibitor.Last.Group.Name}");
    }

    /// <summary>
    /// Whether <paramref name="a"/> first held before <paramref name="b"/> (by id on a tie): a suppressed warning names
    /// the open inhibitor whose pattern began first, which stays named while it is open, not the one whose id
    /// happens to hash lowest.
    /// </summary>
    private static bool HeldEarlier(WarningRecord a, WarningRecord b) =>
        a.Key.FirstTicks != b.Key.FirstTicks ? a.Key.FirstTicks < b.Key.FirstTicks : string.CompareOrdinal(a.Id, b.Id) < 0;
}
