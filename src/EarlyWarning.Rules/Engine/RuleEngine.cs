using System.Globalization;
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

    private readonly List<RuleRuntime> _rules = [];
    private readonly Dictionary<string, WarningRecord> _book = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, WarningRecord> _open = new(StringComparer.Ordinal);
    private readonly SortedSet<(long Due, string Id)> _due = [];
    private readonly Dictionary<string, long> _dueOf = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, SilenceAdded> _silences = new(StringComparer.Ordinal);
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inhibited = new(StringComparer.Ordinal);
    private RuleSet? _ruleSet;
    private long? _frontier;
    private long _applied;

    private ICollection<EmittedWarningEvent> _output = [];

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

    /// <summary>Every warning the engine has recorded, open and resolved, by id order.</summary>
    public IReadOnlyList<KnownWarning> Warnings =>
        _book.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new KnownWarning(p.Value.Snapshot, p.Value.Version, p.Value.ResolutionReason)).ToList();

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
        _ruleSet = ruleSet;
        _rules.Clear();
        _rules.AddRange(next);
        _inhibited.Clear();
        foreach (var rule in next)
            _inhibited.UnionWith(rule.Rule.Inhibits);
        foreach (var record in OpenRecords().Where(r => dropped.Contains(r.Rule!)))
            Resolve(record, WarningResolved.ReasonRuleChanged, null, Frontier ?? recordedAt);
        RefreshSuppressions(null);
    }

    /// <summary>An incident as it now stands (from any event of its stream), recorded at <paramref name="recordedAt"/>.</summary>
    public void Apply(IncidentSummary incident, DateTimeOffset recordedAt, ICollection<EmittedWarningEvent> output)
    {
        var t = incident.OccurredAt.UtcTicks;
        if (t < WatermarkTicks)
        {
            TooLate++;
            Begin(recordedAt, output, null);
            ExpireSilences();
            return;
        }
        Begin(recordedAt, output, _frontier is { } f && t < f ? TimeSpan.FromTicks(f - t) : null);
        ExpireSilences();
        if (_frontier is not { } frontier || t > frontier)
        {
            _frontier = t;
            ResolveQuiet();
        }
        var seenBefore = !_seen.Add(incident.IncidentId);
        foreach (var rule in _rules)
            rule.Apply(incident, seenBefore, this);
        if (++_applied % PruneEvery == 0)
        {
            foreach (var rule in _rules)
                rule.Prune(WatermarkTicks);
        }
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
        _book.TryGetValue(episode.WarningId, out var record);
        if (record?.ResolutionReason is WarningResolved.ReasonQuiet)
            return; // Unreachable: the watermark passed its quiet period, so no input the engine accepts can touch it.
        // Most calls extend an open warning by an incident or find nothing a reader sees changed: the episode's
        // facts are compared with the last snapshot's, and a snapshot is built only for an event that is written.
        var facts = WarningFacts.Of(episode, Suppression(rule.Rule, group.ProvinceId, group));
        var opened = record is null || record.ResolutionReason is not null;
        if (record?.ResolutionReason is not null)
        {
            // Superseded or withdrawn, and now its episode is back (a late report that moved the start of the
            // pattern was itself retracted, say). The warning is the episode's; it reopens rather than leaving the
            // episode without one.
            var changes = Changes(WarningFacts.Of(record.Snapshot), facts) ?? [];
            changes.Insert(0, $"reopened after {record.ResolutionReason}");
            var snapshot = Snapshot(rule, group, episode, facts);
            record.ResolutionReason = null;
            record.Version++;
            record.Snapshot = snapshot;
            _open[episode.WarningId] = record;
            Emit(record, new WarningUpdated(snapshot, record.Version, changes, _recordedAt, _lateBy));
        }
        else if (record is null)
        {
            record = new WarningRecord(Snapshot(rule, group, episode, facts));
            _book[episode.WarningId] = record;
            _open[episode.WarningId] = record;
            Emit(record, new WarningRaised(record.Snapshot, 1, _recordedAt, _lateBy));
        }
        else if (Changes(WarningFacts.Of(record.Snapshot), facts) is { } changes)
        {
            var snapshot = Snapshot(rule, group, episode, facts);
            record.Version++;
            record.Snapshot = snapshot;
            Emit(record, new WarningUpdated(snapshot, record.Version, changes, _recordedAt, _lateBy));
        }
        record.Rule = rule;
        record.Group = group;
        record.Episode = episode;
        Schedule(episode.WarningId, rule.ResolvesAfter(episode));
        if (opened && rule.Rule.Inhibits.Count > 0)
            RefreshSuppressions(rule.Rule.Inhibits);
    }

    void IEpisodeSink.Vanished(RuleRuntime rule, GroupState group, Episode episode, Episode? successor)
    {
        if (!_book.TryGetValue(episode.WarningId, out var record) || record.ResolutionReason is not null)
            return;
        Resolve(record, successor is null ? WarningResolved.ReasonWithdrawn : WarningResolved.ReasonSuperseded, successor?.WarningId, Frontier!.Value);
    }

    private void Begin(DateTimeOffset recordedAt, ICollection<EmittedWarningEvent> output, TimeSpan? lateBy)
    {
        _recordedAt = recordedAt;
        _output = output;
        _lateBy = lateBy;
    }

    private void Emit(WarningRecord record, object @event) =>
        _output.Add(new EmittedWarningEvent(record.Snapshot.WarningId, record.Version, @event));

    /// <summary>Resolves, in due order, every open warning whose quiet period the watermark has passed.</summary>
    private void ResolveQuiet()
    {
        var watermark = WatermarkTicks;
        while (_due.Count > 0 && _due.Min.Due < watermark)
        {
            var record = _book[_due.Min.Id];
            record.Group!.Live.Remove(record.Episode!);
            Resolve(record, WarningResolved.ReasonQuiet, null, new DateTimeOffset(record.Episode!.Last.Ticks + record.Rule!.QuietTicks, TimeSpan.Zero));
        }
    }

    private void Resolve(WarningRecord record, string reason, string? supersededBy, DateTimeOffset resolvedAt)
    {
        var id = record.Snapshot.WarningId;
        _open.Remove(id);
        if (_dueOf.Remove(id, out var due))
            _due.Remove((due, id));
        record.Version++;
        record.ResolutionReason = reason;
        record.Snapshot = record.Snapshot with { Status = WarningSnapshot.Resolved, ResolvedAt = resolvedAt };
        var rule = record.Rule!;
        record.Rule = null;
        record.Group = null;
        record.Episode = null;
        Emit(record, new WarningResolved(record.Snapshot, record.Version, reason, supersededBy, _recordedAt));
        if (rule.Rule.Inhibits.Count > 0)
            RefreshSuppressions(rule.Rule.Inhibits);
    }

    private void Schedule(string id, long due)
    {
        if (_dueOf.TryGetValue(id, out var old))
        {
            if (old == due)
                return;
            _due.Remove((old, id));
        }
        _dueOf[id] = due;
        _due.Add((due, id));
    }

    private List<WarningRecord> OpenRecords() => [.. _open.Values];

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

    /// <summary>Re-evaluates the suppression of the open warnings of <paramref name="ruleIds"/> (every rule when null).</summary>
    private void RefreshSuppressions(IReadOnlyList<string>? ruleIds)
    {
        foreach (var record in OpenRecords())
        {
            if (ruleIds is not null && !ruleIds.Contains(record.Snapshot.RuleId))
                continue;
            var suppression = Suppression(record.Rule!.Rule, record.Snapshot.ProvinceId, record.Group!);
            if (suppression == record.Snapshot.Suppression)
                continue;
            var snapshot = record.Snapshot with { Suppression = suppression };
            record.Version++;
            var changes = Changes(WarningFacts.Of(record.Snapshot), WarningFacts.Of(snapshot)) ?? [];
            record.Snapshot = snapshot;
            Emit(record, new WarningUpdated(snapshot, record.Version, changes, _recordedAt, null));
        }
    }

    private WarningSuppression? Suppression(Rule rule, string? provinceId, GroupState group)
    {
        if (_silences.Count == 0 && !_inhibited.Contains(rule.Id))
            return null;
        foreach (var silence in _silences.Values)
        {
            if ((silence.RuleId is null || silence.RuleId == rule.Id)
                && (silence.ProvinceId is null || silence.ProvinceId == provinceId)
                && (silence.DistrictId is null || (rule.GroupBy == GroupBy.District && silence.DistrictId == group.Key)))
                return new WarningSuppression(WarningSuppression.Silenced, silence.SilenceId, silence.Reason);
        }
        WarningRecord? inhibitor = null;
        foreach (var record in _open.Values)
        {
            if (record.Rule is null || !record.Rule.Rule.Inhibits.Contains(rule.Id))
                continue;
            if (record.Snapshot.ProvinceId is { } p && p != provinceId)
                continue;
            if (inhibitor is null || string.CompareOrdinal(record.Snapshot.WarningId, inhibitor.Snapshot.WarningId) < 0)
                inhibitor = record;
        }
        // The reason names the inhibiting rule and group, not its headline: a headline changes with every update of
        // the inhibitor, and a suppression that changed with it would update every warning it suppresses.
        return inhibitor is null ? null : new WarningSuppression(WarningSuppression.Inhibited, inhibitor.Snapshot.WarningId, $"{inhibitor.Snapshot.RuleTitle} — {inhibitor.Snapshot.GroupName}");
    }

    private WarningSnapshot Snapshot(RuleRuntime runtime, GroupState group, Episode episode, in WarningFacts facts)
    {
        var rule = runtime.Rule;
        var count = facts.IncidentCount;
        var districts = facts.DistrictIds;
        var headline = string.Create(CultureInfo.InvariantCulture,
            $"{rule.Title} — {group.Name}: {count} incident{(count == 1 ? "" : "s")} in {districts.Count} district{(districts.Count == 1 ? "" : "s")}, {facts.Killed} killed");
        return new WarningSnapshot(
            episode.WarningId,
            rule.Id,
            rule.Title,
            rule.Kind,
            _ruleSet!.Hash,
            runtime.GroupByName,
            group.Key,
            group.Name,
            group.ProvinceId,
            WarningSnapshot.Open,
            facts.Severity,
            rule.Alerting.Urgency,
            rule.Alerting.Certainty,
            facts.FirstIncidentId,
            facts.FirstHeldAt,
            facts.LastHeldAt,
            null,
            facts.Incidents,
            count,
            districts,
            facts.Killed,
            facts.Measure,
            headline,
            facts.Suppression);
    }

    /// <summary>What changed between two versions of a warning, one phrase each; null when nothing a reader sees did.</summary>
    private static List<string>? Changes(in WarningFacts before, in WarningFacts after)
    {
        List<string>? changes = null;
        void Add(FormattableString phrase) => (changes ??= []).Add(FormattableString.Invariant(phrase));
        if (before.Severity != after.Severity)
            Add($"severity {before.Severity} → {after.Severity}");
        if (before.IncidentCount != after.IncidentCount)
            Add($"incidents {before.IncidentCount} → {after.IncidentCount}");
        else if (!ReferenceEquals(before.Incidents, after.Incidents) && !before.Incidents.SequenceEqual(after.Incidents))
            Add($"incidents revised");
        if (!ReferenceEquals(before.DistrictIds, after.DistrictIds) && !before.DistrictIds.SequenceEqual(after.DistrictIds))
            Add($"districts {before.DistrictIds.Count} → {after.DistrictIds.Count}");
        if (before.Killed != after.Killed)
            Add($"killed {before.Killed} → {after.Killed}");
        if (before.Measure != after.Measure)
            Add($"measure {before.Measure:0.##} → {after.Measure:0.##}");
        if (before.FirstHeldAt != after.FirstHeldAt || before.FirstIncidentId != after.FirstIncidentId)
            Add($"first held at {after.FirstHeldAt:u}");
        if (before.LastHeldAt != after.LastHeldAt)
            Add($"last held at {after.LastHeldAt:u}");
        if (before.Suppression != after.Suppression)
        {
            (changes ??= []).Add(after.Suppression is { } s
                ? $"{s.Kind} by {s.By}: {s.Reason}"
                : $"no longer {before.Suppression!.Kind}");
        }
        return changes;
    }
}
