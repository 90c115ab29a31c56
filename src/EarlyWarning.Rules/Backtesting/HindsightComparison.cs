using System.Diagnostics;
using EarlyWarning.Contracts.Incidents;
using EarlyWarning.Contracts.Warnings;
using EarlyWarning.EventStore;
using EarlyWarning.Rules.Model;

namespace EarlyWarning.Rules.Backtesting;

/// <summary>
/// "Did we know in time?": the back-test as known (the incidents in the order the store recorded them, as
/// <see cref="Backtester"/> runs it) beside the same rule set with hindsight: every incident as finally known
/// (corrections applied, retracted ones gone), fed in occurred-at order as if each had been recorded the moment it
/// occurred. Both runs are the same engine on the same decoded summaries, from one read of the store.
/// </summary>
public static class HindsightComparison
{
    public static async Task<HindsightResult> RunAsync(
        IEventReader store, RuleSet ruleSet, DateTimeOffset from, DateTimeOffset to, IProgress<BacktestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        // Every incident event carries the incident's whole summary, so the last one read is the incident as finally known.
        var final = new Dictionary<string, IncidentSummary>(StringComparer.Ordinal);
        var asKnown = await Backtester.EvaluateAsync(store, ruleSet, from, to, progress, incident => final[incident.IncidentId] = incident, cancellationToken)
            .ConfigureAwait(false);
        return Compare(asKnown, clock.Elapsed, final.Values);
    }

    /// <summary>The comparison over a history given in store order, each incident summary with the time it was recorded.</summary>
    internal static HindsightResult Compare(RuleSet ruleSet, DateTimeOffset from, DateTimeOffset to, IEnumerable<(IncidentSummary Incident, DateTimeOffset RecordedAt)> history)
    {
        var clock = Stopwatch.StartNew();
        var final = new Dictionary<string, IncidentSummary>(StringComparer.Ordinal);
        var asKnown = new EvaluationRun(ruleSet, from, to);
        foreach (var (incident, recordedAt) in history)
        {
            final[incident.IncidentId] = incident;
            asKnown.Apply(incident, recordedAt);
        }
        return Compare(asKnown, clock.Elapsed, final.Values);
    }

    private static HindsightResult Compare(EvaluationRun asKnown, TimeSpan asKnownElapsed, IEnumerable<IncidentSummary> final)
    {
        var clock = Stopwatch.StartNew();
        var hindsight = new EvaluationRun(asKnown.RuleSet, asKnown.From, asKnown.To);
        // Withdrawn incidents (every report retracted) never happened, as far as hindsight knows.
        foreach (var incident in final.Where(i => !i.Withdrawn).OrderBy(i => i.OccurredAt).ThenBy(i => i.IncidentId, StringComparer.Ordinal))
            hindsight.Apply(incident, incident.OccurredAt);
        var asKnownResult = asKnown.Result(asKnownElapsed);
        var hindsightResult = hindsight.Result(clock.Elapsed);
        // Matching keys warnings by reference, and a result reads each warning anew whenever asked: read each once.
        return new HindsightResult(asKnownResult, hindsightResult, Match(asKnown, [.. asKnownResult.Warnings], hindsight, [.. hindsightResult.Warnings]));
    }

    /// <summary>
    /// Pairs the warnings of the two runs. Warning ids are derived from rule, group and the incident at which the
    /// pattern first held, so the same pattern usually has the same id in both runs, and ids are matched first,
    /// over all warnings, before any other rule can take one. But the first incident may differ: a late report that
    /// occurred before the others makes the hindsight warning start at it, while as known a warning was raised at
    /// the earlier-recorded incidents and then superseded by one starting at the late report. So a hindsight
    /// warning still unmatched takes the warning as known of the same rule and group whose time while the pattern
    /// held (first held to last held, event time) overlaps its own, the earliest raised first; and every other
    /// warning as known of the same rule, group and overlapping time joins the match it overlaps, since it was the
    /// same pattern known under another id (it counts for when the pattern was first known). A warning as known
    /// that was withdrawn (its reports retracted) is matched by id only: it did not know the pattern hindsight saw.
    /// </summary>
    private static List<HindsightWarning> Match(EvaluationRun asKnownRun, IReadOnlyList<BacktestWarning> asKnown, EvaluationRun hindsightRun, IReadOnlyList<BacktestWarning> hindsight)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var byId = asKnown.ToDictionary(w => w.Warning.WarningId, StringComparer.Ordinal);
        // Only warnings of the same rule and group can overlap: each looks among those alone, in the lists' order (a
        // lookup keeps it), so what it picks is what a scan of the whole list picks, without a million-long scan each.
        var asKnownByGroup = asKnown.ToLookup(GroupOf);
        var hindsightByGroup = hindsight.ToLookup(GroupOf);
        // By reference: ids are unique, so no two warnings are equal, and hashing a whole record each time is not free.
        var primary = new Dictionary<BacktestWarning, (BacktestWarning Warning, string By)>(ReferenceEqualityComparer.Instance);
        foreach (var h in hindsight)
        {
            if (byId.TryGetValue(h.Warning.WarningId, out var a))
            {
                primary[h] = (a, HindsightOutcome.ById);
                used.Add(a.Warning.WarningId);
            }
        }
        foreach (var h in hindsight.Where(h => !primary.ContainsKey(h)))
        {
            if (asKnownByGroup[GroupOf(h)].Where(a => !used.Contains(a.Warning.WarningId) && Overlap(a, h)).OrderBy(a => a.KnownAt).FirstOrDefault() is { } a)
            {
                primary[h] = (a, HindsightOutcome.ByRuleGroupWindow);
                used.Add(a.Warning.WarningId);
            }
        }
        var also = hindsight.ToDictionary<BacktestWarning, BacktestWarning, List<BacktestWarning>>(h => h, _ => [], ReferenceEqualityComparer.Instance);
        foreach (var a in asKnown.Where(a => !used.Contains(a.Warning.WarningId)))
        {
            if (hindsightByGroup[GroupOf(a)].FirstOrDefault(h => primary.ContainsKey(h) && Overlap(a, h)) is { } h)
            {
                also[h].Add(a);
                used.Add(a.Warning.WarningId);
            }
        }

        var warnings = new List<HindsightWarning>();
        foreach (var h in hindsight)
        {
            var severity = h.Warning.Severity;
            var heldAt = hindsightRun.ReachedAt(h.Warning.WarningId, severity);
            if (!primary.TryGetValue(h, out var match))
            {
                warnings.Add(new HindsightWarning(HindsightOutcome.MissedAsKnown, null, h, null, [], h.Warning.FirstHeldAt, null, null, severity, heldAt, null, null));
                continue;
            }
            List<BacktestWarning> known = [match.Warning, .. also[h]];
            var knownAt = known.Min(a => a.KnownAt);
            var severityKnownAt = known.Select(a => asKnownRun.ReachedAt(a.Warning.WarningId, severity)).Where(t => t is not null).Min();
            warnings.Add(new HindsightWarning(
                HindsightOutcome.Known, match.By, h, match.Warning, also[h].Select(a => a.Warning.WarningId).ToList(),
                h.Warning.FirstHeldAt, knownAt, knownAt - h.Warning.FirstHeldAt,
                severity, heldAt, severityKnownAt, severityKnownAt - heldAt));
        }
        foreach (var a in asKnown.Where(a => !used.Contains(a.Warning.WarningId)))
            warnings.Add(new HindsightWarning(HindsightOutcome.OnlyAsKnown, null, null, a, [], null, a.KnownAt, null, a.Warning.Severity, null, null, null));
        return warnings;
    }

    private static (string RuleId, string GroupKey) GroupOf(BacktestWarning warning) => (warning.Warning.RuleId, warning.Warning.GroupKey);

    /// <summary>Same rule, same group, and the times while each pattern held (event time) overlap.</summary>
    private static bool Overlap(BacktestWarning asKnown, BacktestWarning hindsight)
    {
        var a = asKnown.Warning;
        var h = hindsight.Warning;
        return asKnown.ResolutionReason != WarningResolved.ReasonWithdrawn
            && a.RuleId == h.RuleId && a.GroupKey == h.GroupKey
            && a.FirstHeldAt <= h.LastHeldAt && h.FirstHeldAt <= a.LastHeldAt;
    }
}
