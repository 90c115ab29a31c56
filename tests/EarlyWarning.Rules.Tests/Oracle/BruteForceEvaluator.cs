using EarlyWarning.Contracts.Incidents;
using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.Contracts.Warnings;
using EarlyWarning.Gazetteer;
using EarlyWarning.Rules.Engine;
using EarlyWarning.Rules.Model;

namespace EarlyWarning.Rules.Tests.Oracle;

/// <summary>
/// docs/rules.md "Semantics" implemented a second time, as literally and as slowly as possible: after the whole
/// input sequence, every rule's groups, firing points and episodes are recomputed from scratch from the latest
/// effective version of each incident, and the versions a later one moved away from before the watermark. Nothing
/// here is incremental, so it shares no bookkeeping bug with the engine.
/// </summary>
public static class BruteForceEvaluator
{
    private static readonly IComparer<IncidentSummary> EntryOrder = Comparer<IncidentSummary>.Create((a, b) =>
    {
        var byTime = a.OccurredAt.CompareTo(b.OccurredAt);
        return byTime != 0 ? byTime : string.CompareOrdinal(a.IncidentId, b.IncidentId);
    });

    /// <summary>
    /// The warnings after <paramref name="inputs"/>. With <paramref name="history"/>, also what the engine's live updates
    /// must have done on the way, evaluating after every input (see <see cref="OracleResult.Retired"/> and
    /// <see cref="OracleResult.Undetermined"/>).
    /// </summary>
    public static OracleResult Evaluate(RuleSet ruleSet, IReadOnlyList<(IncidentSummary Incident, DateTimeOffset RecordedAt)> inputs, bool history = false)
    {
        DateTimeOffset? frontier = null;
        long tooLate = 0;
        var effective = new Dictionary<string, IncidentSummary>(StringComparer.Ordinal);
        // Versions a later one moved away from before the watermark, with the watermark then: the points before it
        // keep them in their windows, and a trend keeps them in its buckets before that watermark's.
        var leftBehind = new Dictionary<IncidentSummary, DateTimeOffset>(ReferenceEqualityComparer.Instance);
        var standing = new Dictionary<string, ExpectedWarning>(StringComparer.Ordinal);
        var retired = new HashSet<string>(StringComparer.Ordinal);
        var frozen = new Dictionary<string, ExpectedWarning>(StringComparer.Ordinal);
        foreach (var (incident, _) in inputs)
        {
            // Before the watermark at the moment it is processed: changes nothing, not even the frontier.
            if (frontier is { } f && incident.OccurredAt < f - ruleSet.AllowedLateness)
            {
                tooLate++;
                continue;
            }

            if (frontier is null || incident.OccurredAt > frontier)
            {
                frontier = incident.OccurredAt;
            }

            // Before the watermark nothing changes, not even by a version that moves the incident to a time still open.
            if (effective.TryGetValue(incident.IncidentId, out var earlier) && earlier.OccurredAt < frontier - ruleSet.AllowedLateness)
            {
                leftBehind[earlier] = frontier.Value - ruleSet.AllowedLateness;
            }

            effective[incident.IncidentId] = incident;

            if (history)
            {
                var now = Warnings(ruleSet, effective, leftBehind, frontier - ruleSet.AllowedLateness).ToDictionary(w => w.Id, StringComparer.Ordinal);
                retired.UnionWith(standing.Values.Where(w => w.Status == WarningSnapshot.Open && !now.ContainsKey(w.Id)).Select(w => w.Id));
                foreach (var resolved in now.Values.Where(w => w.Status == WarningSnapshot.Resolved))
                {
                    frozen.TryAdd(resolved.Id, resolved);
                }

                standing = now;
            }
        }

        var watermark = frontier - ruleSet.AllowedLateness;
        var warnings = Warnings(ruleSet, effective, leftBehind, watermark);
        var final = warnings.ToDictionary(w => w.Id, StringComparer.Ordinal);
        // A retired id whose episode came back is a reopened warning, compared like any other. A resolved warning
        // that changed afterwards would contradict docs/rules.md; it is reported, not compared.
        retired.ExceptWith(final.Keys);
        var undetermined = frozen.Values.Where(w => !final.TryGetValue(w.Id, out var now) || w.FirstDifference(now) is not null).Select(w => w.Id)
            .ToHashSet(StringComparer.Ordinal);
        return new OracleResult(warnings, frontier, watermark, tooLate, retired, undetermined) { LeftBehind = leftBehind.Keys.Count(v => !v.Withdrawn) };
    }

    private static List<ExpectedWarning> Warnings(RuleSet ruleSet, Dictionary<string, IncidentSummary> effective, Dictionary<IncidentSummary, DateTimeOffset> leftBehind, DateTimeOffset? watermark)
    {
        var counted = effective.Values.Where(i => !i.Withdrawn).ToList();
        return ruleSet.Rules
            .SelectMany(rule => Warnings(rule, ruleSet.Sites, counted, leftBehind, watermark))
            .OrderBy(w => w.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Whether <paramref name="incident"/> passes <paramref name="filter"/>, per the filter record's documentation.</summary>
    public static bool Passes(IncidentFilter filter, IncidentSummary incident) =>
        (filter.IncidentTypes is null || filter.IncidentTypes.Contains(incident.IncidentType))
        && (filter.ProvinceIds is null || filter.ProvinceIds.Contains(incident.Location.ProvinceId))
        && (filter.DistrictIds is null || filter.DistrictIds.Contains(incident.Location.DistrictId))
        && (filter.Targets is null || incident.Targets.Any(filter.Targets.Contains))
        && (filter.Perpetrators is null
            || (incident.Perpetrator is { } perpetrator && filter.Perpetrators.Any(p => string.Equals(p, perpetrator, StringComparison.OrdinalIgnoreCase))))
        && (filter.ClaimStatuses is null || filter.ClaimStatuses.Contains(incident.ClaimStatus))
        && (filter.MinReliability is null || SourceReliability.Rank(incident.BestReliability) <= SourceReliability.Rank(filter.MinReliability))
        && (filter.MinKilled is null || Killed(incident, filter.KilledSides) >= filter.MinKilled);

    /// <summary>Killed on <paramref name="sides"/> (null: all three), an unreported figure counting as none.</summary>
    public static int Killed(IncidentSummary incident, IReadOnlySet<string>? sides = null)
    {
        var total = 0;
        if (sides is null || sides.Contains("security-forces")) total += incident.Casualties.SecurityForces?.Killed ?? 0;
        if (sides is null || sides.Contains("civilians")) total += incident.Casualties.Civilians?.Killed ?? 0;
        if (sides is null || sides.Contains("militants")) total += incident.Casualties.Militants?.Killed ?? 0;
        return total;
    }

    private static IEnumerable<ExpectedWarning> Warnings(
        Rule rule, IReadOnlyList<CriticalSite> sites, IReadOnlyList<IncidentSummary> counted, Dictionary<IncidentSummary, DateTimeOffset> leftBehind, DateTimeOffset? watermark)
    {
        // A version left behind is an entry of its own beside its incident's latest: for a trend, only in a bucket
        // before the watermark's at the move (later buckets were still open); for the other kinds, in the windows of
        // the points before that watermark only (below).
        var kept = leftBehind.Where(v => !v.Key.Withdrawn
            && (rule.Pattern is not RulePattern.Trend trend || BucketOf(v.Key.OccurredAt, trend.Bucket) < BucketOf(v.Value, trend.Bucket)));
        var matching = counted.Concat(kept.Select(v => v.Key)).Where(i => Passes(rule.Where, i)).ToList();
        foreach (var (groupKey, members) in Groups(rule, sites, matching))
        {
            var entries = members.Order(EntryOrder).ToList();
            var points = new List<FiringPoint>();
            for (var i = 0; i < entries.Count; i++)
            {
                if (FiringPointAt(rule.Pattern, entries, i, leftBehind) is { } point)
                {
                    points.Add(point);
                }
            }

            foreach (var episode in Episodes(points, rule.QuietPeriod))
            {
                yield return Warning(rule, groupKey, episode, watermark);
            }
        }
    }

    private static IEnumerable<(string Key, List<IncidentSummary> Members)> Groups(Rule rule, IReadOnlyList<CriticalSite> sites, List<IncidentSummary> matching)
    {
        if (rule.Pattern is RulePattern.Proximity proximity)
        {
            var watched = proximity.SiteIds.Count == 0 ? sites : sites.Where(s => proximity.SiteIds.Contains(s.Id)).ToList();
            foreach (var site in watched)
            {
                var centre = new GeoPoint(site.Latitude, site.Longitude);
                var near = matching
                    .Where(i => PreciseEnough(i.Location.GeoPrecision, proximity.MinGeoPrecision)
                        && centre.KilometresTo(new GeoPoint(i.Location.Latitude, i.Location.Longitude)) <= proximity.RadiusKm)
                    .ToList();
                if (near.Count > 0)
                {
                    yield return (site.Id, near);
                }
            }

            yield break;
        }

        Func<IncidentSummary, string> key = rule.GroupBy switch
        {
            GroupBy.All => _ => "all",
            GroupBy.Province => i => i.Location.ProvinceId,
            GroupBy.District => i => i.Location.DistrictId,
            _ => throw new ArgumentException($"rule '{rule.Id}': group by {rule.GroupBy} outside a proximity rule"),
        };
        foreach (var group in matching.GroupBy(key, StringComparer.Ordinal))
        {
            yield return (group.Key, group.ToList());
        }
    }

    private static bool PreciseEnough(string precision, string minimum)
    {
        static int Rank(string p) => p switch
        {
            GeoPrecision.Exact => 0,
            GeoPrecision.Near => 1,
            _ => 2,
        };
        return Rank(precision) <= Rank(minimum);
    }

    /// <summary>The firing point at <c>entries[index]</c>, or null when the pattern does not hold there.</summary>
    private static FiringPoint? FiringPointAt(RulePattern pattern, List<IncidentSummary> entries, int index, Dictionary<IncidentSummary, DateTimeOffset> leftBehind)
    {
        var x = entries[index];
        var t = x.OccurredAt;

        // e ≤ x in entry order: (occurred-at, id) is unique, a version left behind being earlier than its incident's
        // own, so that is every entry up to and including index.
        // A version left behind is in the windows of the points before the watermark at its move, and of no later one.
        var upToX = entries.Take(index + 1).Where(e => !leftBehind.TryGetValue(e, out var movedAt) || t < movedAt).ToList();
        List<IncidentSummary> InWindow(TimeSpan window) => upToX.Where(e => e.OccurredAt > t - window).ToList();

        switch (pattern)
        {
            case RulePattern.Spread spread:
            {
                var window = InWindow(spread.Window);
                var distinct = window.Select(e => DistinctValue(spread.Distinct, e)).OfType<string>().Distinct(StringComparer.Ordinal).Count();
                return window.Count >= spread.MinIncidents && distinct >= spread.MinDistinct
                    ? Point(x, window, distinct, distinct: distinct)
                    : null;
            }

            case RulePattern.Threshold threshold:
            {
                var window = InWindow(threshold.Window);
                return window.Count >= threshold.MinIncidents ? Point(x, window, window.Count) : null;
            }

            case RulePattern.Single or RulePattern.Proximity:
                return Point(x, [x], 1);

            case RulePattern.Sequence sequence:
            {
                if (!Passes(sequence.Then, x))
                {
                    return null;
                }

                var firsts = upToX.Where(a => !ReferenceEquals(a, x) && a.OccurredAt > t - sequence.Window && Passes(sequence.First, a)).ToList();
                if (firsts.Count == 0)
                {
                    return null;
                }

                List<IncidentSummary> window = [.. firsts, x];
                return Point(x, window, window.Count);
            }

            case RulePattern.Trend trend:
                // "Every entry of one bucket sees the same counts": the whole group, not only the entries up to x.
                return TrendPointAt(trend, entries, x);

            default:
                throw new ArgumentException($"unknown pattern {pattern.Kind}");
        }
    }

    private static FiringPoint? TrendPointAt(RulePattern.Trend trend, List<IncidentSummary> entries, IncidentSummary x)
    {
        var w = trend.Window.Ticks / trend.Bucket.Ticks;
        var b = trend.Baseline.Ticks / trend.Bucket.Ticks;
        var k = BucketOf(x.OccurredAt, trend.Bucket);
        var buckets = entries.Select(e => BucketOf(e.OccurredAt, trend.Bucket)).ToList();
        long CountIn(long from, long to) => buckets.Count(j => j >= from && j <= to);

        var current = CountIn(k - w + 1, k);
        var baseCount = CountIn(k - w - b + 1, k - w);
        if (current < trend.MinIncidents || baseCount < trend.MinBaseline)
        {
            return null;
        }

        if (trend.Ratio is { } ratio)
        {
            var expected = (double)baseCount * w / b;
            return current >= ratio * expected ? Point(x, [x], current / expected, incidents: current, ratio: current / expected) : null;
        }

        var slices = b / w;
        var counts = Enumerable.Range(0, (int)slices)
            .Select(s => (double)CountIn(k - w - b + 1 + (s * w), k - w - b + ((s + 1) * w)))
            .ToList();
        var mean = counts.Average();
        var sigma = Math.Sqrt(counts.Select(c => (c - mean) * (c - mean)).Average());
        double z;
        double measure;
        if (sigma == 0)
        {
            z = current > mean ? double.PositiveInfinity : 0;
            measure = current - mean;
        }
        else
        {
            z = (current - mean) / sigma;
            measure = z;
        }

        return z >= trend.ZScore ? Point(x, [x], measure, incidents: current, zScore: measure) : null;
    }

    /// <summary>floor((t − Unix epoch) / bucket): whole buckets since 1970-01-01T00:00Z, so a 1d bucket is a UTC day.</summary>
    public static long BucketOf(DateTimeOffset t, TimeSpan bucket)
    {
        var ticks = t.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var quotient = ticks / bucket.Ticks;
        return ticks % bucket.Ticks < 0 ? quotient - 1 : quotient;
    }

    private static string? DistinctValue(DistinctField field, IncidentSummary incident) => field switch
    {
        DistinctField.District => incident.Location.DistrictId,
        DistinctField.Province => incident.Location.ProvinceId,
        DistinctField.Place => incident.Location.PlaceId ?? incident.Location.Place,
        DistinctField.IncidentType => incident.IncidentType,
        DistinctField.Perpetrator => incident.Perpetrator,
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    /// <summary>A firing point's measures: over its window entries, except where a kind defines them otherwise (spread's distinct, trend's counts).</summary>
    private static FiringPoint Point(IncidentSummary x, List<IncidentSummary> window, double ownMeasure, int? distinct = null, long? incidents = null, double? ratio = null, double? zScore = null)
    {
        var measures = new Dictionary<Measure, double>
        {
            [Measure.Incidents] = incidents ?? window.Count,
            [Measure.Distinct] = distinct ?? window.Select(e => e.Location.DistrictId).Distinct(StringComparer.Ordinal).Count(),
            [Measure.Killed] = window.Sum(e => Killed(e)),
        };
        if (ratio is { } r) measures[Measure.Ratio] = r;
        if (zScore is { } z) measures[Measure.ZScore] = z;
        return new FiringPoint(x, window, ownMeasure, measures);
    }

    private static IEnumerable<List<FiringPoint>> Episodes(List<FiringPoint> points, TimeSpan quietPeriod)
    {
        var episode = new List<FiringPoint>();
        foreach (var point in points)
        {
            if (episode.Count > 0 && point.Incident.OccurredAt - episode[^1].Incident.OccurredAt > quietPeriod)
            {
                yield return episode;
                episode = [];
            }

            episode.Add(point);
        }

        if (episode.Count > 0)
        {
            yield return episode;
        }
    }

    private static ExpectedWarning Warning(Rule rule, string groupKey, List<FiringPoint> episode, DateTimeOffset? watermark)
    {
        var first = episode[0];
        var last = episode[^1];
        var incidents = episode
            .SelectMany(p => p.Window)
            // By entry, not by id: a version left behind is an entry of its own beside its incident's latest.
            .Distinct<IncidentSummary>(ReferenceEqualityComparer.Instance)
            .Order(EntryOrder)
            .ToList();

        var severity = rule.Alerting.Severity;
        foreach (var step in rule.Alerting.Steps)
        {
            var reached = episode.Any(p => p.Measures.TryGetValue(step.Measure, out var value) && value >= step.AtLeast);
            if (reached && CapSeverity.Rank(step.Severity) > CapSeverity.Rank(severity))
            {
                severity = step.Severity;
            }
        }

        var quietUntil = last.Incident.OccurredAt + rule.QuietPeriod;
        // A trend resolves when the start of the watermark's bucket passes (docs/rules.md, "Trend").
        var resolved = (rule.Pattern is RulePattern.Trend trend && watermark is { } w
            ? new DateTimeOffset(DateTime.UnixEpoch.Ticks + ((long)Math.Floor((w.UtcTicks - DateTime.UnixEpoch.Ticks) / (double)trend.Bucket.Ticks) * trend.Bucket.Ticks), TimeSpan.Zero)
            : watermark) > quietUntil;
        return new ExpectedWarning(
            WarningIds.For(rule.Id, groupKey, first.Incident.IncidentId, first.Incident.OccurredAt),
            rule.Id,
            groupKey,
            resolved ? WarningSnapshot.Resolved : WarningSnapshot.Open,
            severity,
            first.Incident.IncidentId,
            first.Incident.OccurredAt,
            last.Incident.OccurredAt,
            resolved ? quietUntil : null,
            [.. incidents.Take(WarningSnapshot.MaxListedIncidents).Select(i => i.IncidentId)],
            incidents.Count,
            [.. incidents.Select(i => i.Location.DistrictId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            incidents.Sum(i => Killed(i)),
            episode.Max(p => p.OwnMeasure));
    }

    private sealed record FiringPoint(IncidentSummary Incident, List<IncidentSummary> Window, double OwnMeasure, Dictionary<Measure, double> Measures);
}
