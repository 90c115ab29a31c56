using EarlyWarning.Contracts.Incidents;
using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.Gazetteer;
using EarlyWarning.Rules.Model;

namespace EarlyWarning.Rules.Engine;

/// <summary>
/// One rule's state and evaluation (docs/rules.md, "Semantics"). An incident appended after every entry of its group
/// takes the fast path: only its own firing is computed and the last episode extended. Anything else (a late
/// incident, a correction, a retraction) recomputes the group from the change on, and rebuilds its live episodes.
/// </summary>
internal sealed class RuleRuntime
{
    private readonly CompiledFilter _where;
    private readonly CompiledFilter? _first;
    private readonly CompiledFilter? _then;
    private readonly long _window;
    private readonly long _quiet;
    private readonly long _bucket;
    // Spread, threshold and sequence: a point's window is the entries before it within the window, and the group
    // keeps its last entry's window counted (WindowTally). Other kinds' window is the point itself.
    private readonly bool _windowed;
    private readonly int _baseSeverity;
    // The rule's severity steps with their severities' ranks worked out once, not at every firing point.
    private readonly (Measure Measure, double AtLeast, int Rank)[] _steps;
    private readonly CriticalSite[] _sites;
    private readonly SiteBox[] _siteBoxes;
    private readonly Dictionary<string, GroupState> _groups = new(StringComparer.Ordinal);
    // Groups that admitted an entry since the last pruning: most pruning visits only these (see Prune).
    private readonly List<GroupState> _touched = [];

    // How many groups a rule keeps even when they hold nothing: more than the gazetteer's districts.
    internal const int KeptGroups = 1024;

    // Scratch lists reused by every call: the engine is driven by one loop and a rule never re-enters itself.
    private readonly List<Entry> _fresh = [];
    private readonly List<Entry> _kept = [];
    private readonly List<Entry> _windowEntries = [];
    private readonly List<(PointMeasures Measures, int WindowStart)> _measures = [];

    public RuleRuntime(Rule rule, IReadOnlyList<CriticalSite> sites)
    {
        Rule = rule;
        _where = new CompiledFilter(rule.Where);
        _quiet = rule.QuietPeriod.Ticks;
        _baseSeverity = CapSeverity.Rank(rule.Alerting.Severity);
        _steps = [.. rule.Alerting.Steps.Select(step => (step.Measure, step.AtLeast, CapSeverity.Rank(step.Severity)))];
        switch (rule.Pattern)
        {
            case RulePattern.Spread s:
                _window = s.Window.Ticks;
                break;
            case RulePattern.Threshold t:
                _window = t.Window.Ticks;
                break;
            case RulePattern.Sequence q:
                _window = q.Window.Ticks;
                _first = new CompiledFilter(q.First);
                _then = new CompiledFilter(q.Then);
                break;
            case RulePattern.Trend t:
                _window = t.Window.Ticks;
                _bucket = t.Bucket.Ticks;
                break;
        }
        _windowed = rule.Pattern is RulePattern.Spread or RulePattern.Threshold or RulePattern.Sequence;
        Types = rule.Where.IncidentTypes
            ?? (rule.Pattern is RulePattern.Sequence { First.IncidentTypes: { } firstTypes, Then.IncidentTypes: { } thenTypes } ? firstTypes.Union(thenTypes).ToHashSet(StringComparer.Ordinal) : null);
        GroupByName = (rule.Pattern is RulePattern.Proximity ? GroupBy.Site : rule.GroupBy).ToString().ToLowerInvariant();
        _sites = rule.Pattern is RulePattern.Proximity p
            ? [.. p.SiteIds.Count == 0 ? sites : sites.Where(s => p.SiteIds.Contains(s.Id))]
            : [];
        _siteBoxes = rule.Pattern is RulePattern.Proximity near ? [.. _sites.Select(s => SiteBox.Around(s, near.RadiusKm))] : [];
    }

    public Rule Rule { get; }

    /// <summary>The incident types the rule can admit, or null for any: the engine passes over it for other types without asking its filter.</summary>
    public IReadOnlySet<string>? Types { get; }

    /// <summary>What the rule's warnings group by, as they name it.</summary>
    public string GroupByName { get; }

    public IReadOnlyList<CriticalSite> Sites => _sites;

    public long QuietTicks => _quiet;

    public IEnumerable<GroupState> Groups => _groups.Values;

    public int GroupCount => _groups.Count;

    /// <summary>The rule's place in the rule set in force: its column in every <see cref="IncidentSlot"/>.</summary>
    public int Index { get; set; }

    /// <summary>Whether a rule of the set in force inhibits it: set at each activation, so a warning's suppression needs no lookup by id.</summary>
    public bool IsInhibited { get; set; }

    /// <summary>
    /// Brings the rule up to date with the incident's latest version, whose entries in this rule were
    /// <paramref name="old"/> (a chain through <see cref="Entry.Next"/>); returns the chain of its entries now.
    /// <paramref name="killed"/> is the incident's killed on all sides; <paramref name="typeAdmitted"/> says the engine
    /// found its type among <see cref="Types"/>, so the filter need not look again.
    /// </summary>
    public Entry? Apply(IncidentSummary incident, int killed, bool typeAdmitted, Entry? old, IEpisodeSink sink)
    {
        var matches = !incident.Withdrawn && _where.Matches(incident, typeAdmitted);
        if (!matches && old is null)
            return null;
        var fresh = _fresh;
        fresh.Clear();
        if (matches)
            Admit(incident, killed, fresh);
        if (old is null && fresh.Count == 0)
            return null;

        for (var entry = old; entry is not null; entry = entry.Next)
        {
            if (InGroup(fresh, entry.Group.Key))
                continue;
            Remove(entry.Group, entry);
            Rebuild(entry.Group, entry.Ticks, sink);
        }
        var kept = _kept;
        kept.Clear();
        foreach (var entry in fresh)
        {
            var group = entry.Group;
            var previous = Of(old, group);
            if (previous is not null && previous.SameAs(entry))
            {
                kept.Add(previous);
                continue;
            }
            kept.Add(entry);
            if (previous is null && group.IsAfterLast(entry))
            {
                Append(group, entry, sink);
                continue;
            }
            if (previous is not null)
                Remove(group, previous);
            Insert(group, entry);
            Rebuild(group, Math.Min(entry.Ticks, previous?.Ticks ?? long.MaxValue), sink);
        }
        if (kept.Count == 0)
            return null;
        for (var i = 0; i < kept.Count; i++)
            kept[i].Next = i + 1 < kept.Count ? kept[i + 1] : null;
        return kept[0];
    }

    /// <summary>
    /// The incident's version that <paramref name="chain"/> holds moved away from before the watermark
    /// (docs/rules.md, "Moved out of the past"): what was concluded before the watermark stands, so no point before
    /// it is evaluated again, but from the watermark on no window holds the version any more. A trend's buckets
    /// before the watermark's are as final as its points there, so an entry in one stays counted; from the
    /// watermark's bucket on, the bucket is still open and the entry leaves it.
    /// </summary>
    public void LeaveBehind(Entry? chain, long watermark, IEpisodeSink sink)
    {
        for (var entry = chain; entry is not null; entry = entry.Next)
        {
            var group = entry.Group;
            if (_bucket > 0)
            {
                if (BucketOf(entry.Ticks) < BucketOf(watermark))
                    continue;
                Remove(group, entry);
                Rebuild(group, entry.Ticks, sink);
                continue;
            }
            Remove(group, entry);
            // Only a window that reaches back to it, of a point from the watermark on, held it.
            if (entry.Ticks > watermark - _window)
                Rebuild(group, watermark, sink);
        }
    }

    private static bool InGroup(List<Entry> entries, string key)
    {
        foreach (var entry in entries)
        {
            if (entry.Group.Key == key)
                return true;
        }
        return false;
    }

    private static Entry? Of(Entry? chain, GroupState group)
    {
        for (var entry = chain; entry is not null; entry = entry.Next)
        {
            if (ReferenceEquals(entry.Group, group))
                return entry;
        }
        return null;
    }

    /// <summary>
    /// Drops what no future change can need: entries and buckets behind the watermark and every live episode. An
    /// incident no rule holds any more leaves <paramref name="incidents"/>. Only the groups that admitted an entry
    /// since the last pruning, unless <paramref name="everyGroup"/>: a district rule has a group per district, most
    /// of them quiet at any time, and visiting each at every pruning cost more than what pruning them freed. A
    /// quiet group keeps what it holds until the next pruning of every group.
    /// </summary>
    public void Prune(long watermark, Dictionary<string, IncidentSlot> incidents, bool everyGroup)
    {
        List<string>? empty = null;
        foreach (var group in everyGroup ? _groups.Values : (IEnumerable<GroupState>)_touched)
        {
            var from = group.Live.Count > 0 ? Math.Min(watermark, group.Live[0].First.Ticks) : watermark;
            if (_bucket > 0)
                from = BucketStart(BucketOf(from));
            var bound = from - _window;
            var drop = group.FirstAtOrAfter(Rule.Pattern is RulePattern.Trend ? from : bound);
            for (var i = 0; i < drop; i++)
            {
                var entry = group.Entries[i];
                if (entry.Slot is { } slot && slot.Release(entry))
                    incidents.Remove(slot.IncidentId);
            }
            group.DropFirst(drop);
            if (Rule.Pattern is RulePattern.Trend trend)
            {
                // A bucket's sums reach back this many buckets before it, its own included.
                var reach = (trend.Window.Ticks + trend.Baseline.Ticks) / _bucket;
                var oldest = BucketOf(from) - reach;
                group.Buckets.DropBefore(oldest);
                // Sums that reach back before what was dropped would move on from counts no longer there.
                if (group.Trend is { } cached && cached.Bucket - reach + 1 < oldest)
                    group.Trend = null;
            }
            // An empty group stays while the rule has few: most are a district's, which falls quiet and comes back,
            // and made again each time it cost a group, its lists and their growth per incident. Only a rule whose
            // groups keep coming new (districts unknown to the gazetteer, say) lets its empty ones go.
            if (_groups.Count > KeptGroups && group.Entries.Count == 0 && group.Live.Count == 0 && !group.HasBuckets)
                (empty ??= []).Add(group.Key);
        }
        for (var i = 0; i < (empty?.Count ?? 0) && _groups.Count > KeptGroups; i++)
            _groups.Remove(empty![i]);
        foreach (var group in _touched)
            group.Touched = false;
        _touched.Clear();
    }

    /// <summary>Adds to <paramref name="result"/> the incident's entry in each group it belongs to (creating the group).</summary>
    private void Admit(IncidentSummary incident, int killed, List<Entry> result)
    {
        var location = incident.Location;
        var ticks = incident.OccurredAt.UtcTicks;
        switch (Rule.Pattern)
        {
            case RulePattern.Proximity proximity:
                if (!PreciseEnough(location.GeoPrecision, proximity.MinGeoPrecision))
                    return;
                var at = new GeoPoint(location.Latitude, location.Longitude);
                for (var i = 0; i < _sites.Length; i++)
                {
                    var site = _sites[i];
                    if (_siteBoxes[i].Holds(at) && at.KilometresTo(new GeoPoint(site.Latitude, site.Longitude)) <= proximity.RadiusKm)
                        result.Add(new Entry(Group(site.Id, site.Name, site.ProvinceId), incident, ticks, location.DistrictId, killed));
                }
                return;
            case RulePattern.Sequence:
                var isFirst = _first!.Matches(incident);
                var isThen = _then!.Matches(incident);
                if (!isFirst && !isThen)
                    return;
                var (key, name, province) = GroupOf(location);
                result.Add(new Entry(Group(key, name, province), incident, ticks, location.DistrictId, killed) { IsFirst = isFirst, IsThen = isThen });
                return;
            default:
                var g = GroupOf(location);
                result.Add(new Entry(Group(g.Key, g.Name, g.Province), incident, ticks, DistinctValueOf(incident), killed));
                return;
        }
    }

    private (string Key, string Name, string? Province) GroupOf(IncidentLocation location) => Rule.GroupBy switch
    {
        GroupBy.Province => (location.ProvinceId, location.Province, location.ProvinceId),
        GroupBy.District => (location.DistrictId, location.District, location.ProvinceId),
        _ => ("all", "Pakistan", null),
    };

    private string? DistinctValueOf(IncidentSummary incident) => (Rule.Pattern as RulePattern.Spread)?.Distinct switch
    {
        DistinctField.Province => incident.Location.ProvinceId,
        DistinctField.Place => incident.Location.PlaceId ?? incident.Location.Place,
        DistinctField.IncidentType => incident.IncidentType,
        DistinctField.Perpetrator => incident.Perpetrator?.ToUpperInvariant(),
        _ => incident.Location.DistrictId,
    };

    private static bool PreciseEnough(string precision, string minimum) =>
        precision == GeoPrecision.Exact || (minimum == GeoPrecision.Near && precision == GeoPrecision.Near);

    private GroupState Group(string key, string name, string? province)
    {
        if (!_groups.TryGetValue(key, out var group))
            _groups[key] = group = new GroupState(key, name, province);
        if (!group.Touched)
        {
            group.Touched = true;
            _touched.Add(group);
        }
        return group;
    }

    private void Insert(GroupState group, Entry entry)
    {
        group.Insert(entry);
        if (_bucket > 0)
            CountBucket(group, BucketOf(entry.Ticks), 1);
    }

    private void Remove(GroupState group, Entry entry)
    {
        group.Remove(entry);
        if (_bucket > 0)
            CountBucket(group, BucketOf(entry.Ticks), -1);
    }

    private static void CountBucket(GroupState group, long bucket, int delta)
    {
        group.Buckets.Add(bucket, delta);
        // The cached sums are of buckets before their own: a change there makes them stale. A change in their own
        // bucket or a later one does not, and the next bucket's sums move on from them (Shifted) reading it as it is.
        if (group.Trend is { } cached && bucket < cached.Bucket)
            group.Trend = null;
    }

    /// <summary>The fast path: <paramref name="entry"/> comes after every entry of the group.</summary>
    private void Append(GroupState group, Entry entry, IEpisodeSink sink)
    {
        Insert(group, entry);
        var last = group.Entries.Count - 1;
        if (_bucket == 0)
        {
            if (Evaluate(group, last, out var measures))
            {
                entry.Fires = true;
                sink.Changed(this, group, AddPoint(group.Live, group, last, measures, EvaluatedWindowStart(group, last)));
            }
            return;
        }

        // Every entry of a bucket sees the same counts, so they fire together, with the same measure. Adding to the
        // newest bucket only raises its count, so earlier points of the bucket may start firing, and those already
        // firing now carry a higher measure: both lift the episodes that hold them.
        var k = BucketOf(entry.Ticks);
        if (!EvaluateBucket(group, k, entry, out var m))
            return;
        // A bucket's count only grows while it is the newest, so once it fires it keeps firing: its entries that
        // fire are its first ones, and those that start firing now are the others, found from the end.
        var first = last;
        while (first > 0 && !group.Entries[first - 1].Fires && BucketOf(group.Entries[first - 1].Ticks) == k)
            first--;
        var changed = new List<Episode>();
        for (var i = first; i <= last; i++)
        {
            group.Entries[i].Fires = true;
            var episode = AddPoint(group.Live, group, i, m with { Killed = group.Entries[i].Killed }, i);
            if (!changed.Contains(episode))
                changed.Add(episode);
        }
        var bucketStart = BucketStart(k);
        foreach (var episode in group.Live)
        {
            if (episode.Last.Ticks < bucketStart)
                continue;
            episode.Elevate(bucketStart, SeverityAt(m), PeakOf(m));
            if (!changed.Contains(episode))
                changed.Add(episode);
        }
        foreach (var episode in changed)
            sink.Changed(this, group, episode);
    }

    /// <summary>
    /// The event time the watermark must pass for <paramref name="episode"/> to resolve: its last firing point plus
    /// the quiet period. For a trend, a new incident can make earlier entries of its bucket fire, down to the start
    /// of the watermark's bucket; so the start of that bucket, not the watermark, must pass.
    /// </summary>
    public long ResolvesAfter(Episode episode)
    {
        var quietEnd = episode.Last.Ticks + _quiet;
        if (_bucket == 0)
            return quietEnd;
        return BucketStart(BucketOf(quietEnd) + 1) - 1;
    }

    private long BucketStart(long bucket) => DateTime.UnixEpoch.Ticks + (bucket * _bucket);

    /// <summary>The slow path: something changed at <paramref name="fromTicks"/>; recompute firing from there and rebuild the live episodes.</summary>
    private void Rebuild(GroupState group, long fromTicks, IEpisodeSink sink)
    {
        if (_bucket > 0)
            fromTicks = BucketStart(BucketOf(fromTicks));
        var start = group.FirstAtOrAfter(fromTicks);
        long? currentBucket = null;
        var bucketFires = false;
        PointMeasures bucketMeasures = default;
        // The measures and window start of entry start + i: only the episodes rebuilt below read them. The windows
        // slide forward with i, so the group's tally follows them, an entry in and a few out at a time, instead of
        // each window being counted afresh: a late report in a dense hour rebuilds hundreds of entries.
        var measures = _measures;
        measures.Clear();
        for (var i = start; i < group.Entries.Count; i++)
        {
            var e = group.Entries[i];
            if (_bucket > 0)
            {
                var k = BucketOf(e.Ticks);
                if (k != currentBucket)
                {
                    currentBucket = k;
                    bucketFires = EvaluateBucket(group, k, e, out bucketMeasures);
                }
                e.Fires = bucketFires;
                measures.Add((bucketMeasures with { Killed = e.Killed }, i));
            }
            else
            {
                e.Fires = Evaluate(group, i, out var m);
                measures.Add((m, EvaluatedWindowStart(group, i)));
            }
        }

        // Points before the change keep their windows. Episodes that ended more than a quiet period before it
        // cannot be reached by points after it; the one it falls in (or just after) is cut back to its points
        // before the change and continued; every later one is rebuilt.
        var before = group.Live;
        var touched = before.FindIndex(e => e.Last.Ticks >= fromTicks - _quiet);
        if (touched < 0)
            touched = before.Count;
        var rebuilt = before.GetRange(0, touched);
        var replaced = before.GetRange(touched, before.Count - touched);
        if (replaced.Count > 0 && replaced[0].TruncateBefore(fromTicks))
        {
            rebuilt.Add(replaced[0]);
            replaced.RemoveAt(0);
        }
        var changedFrom = touched;
        for (var i = start; i < group.Entries.Count; i++)
        {
            if (group.Entries[i].Fires)
                AddPoint(rebuilt, group, i, measures[i - start].Measures, measures[i - start].WindowStart);
        }
        group.Live = rebuilt;
        foreach (var gone in replaced)
        {
            if (rebuilt.Exists(e => e.Key == gone.Key))
                continue;
            sink.Vanished(this, group, gone, rebuilt.Skip(changedFrom).FirstOrDefault(e => e.Contains(gone.First) || gone.Members.Intersect(e.Members).Any()));
        }
        for (var i = changedFrom; i < rebuilt.Count; i++)
            sink.Changed(this, group, rebuilt[i]);
    }

    private Episode AddPoint(List<Episode> episodes, GroupState group, int index, PointMeasures measures, int windowStart)
    {
        var point = group.Entries[index];
        var current = episodes.Count > 0 ? episodes[^1] : null;
        if (current is null || point.Ticks - current.Last.Ticks > _quiet)
        {
            current = new Episode(new WarningKey(Rule.Id, group.Key, point.Id, point.Ticks), point);
            episodes.Add(current);
        }
        current.AddPoint(point, SeverityAt(measures), PeakOf(measures), WindowOf(group, index, windowStart, current.LastPoint));
        return current;
    }

    private int SeverityAt(PointMeasures measures)
    {
        var rank = _baseSeverity;
        foreach (var (measure, atLeast, stepRank) in _steps)
        {
            if (measures.Of(measure) >= atLeast)
                rank = Math.Max(rank, stepRank);
        }
        return rank;
    }

    private double PeakOf(PointMeasures measures) => Rule.Pattern switch
    {
        RulePattern.Spread => measures.Distinct,
        RulePattern.Trend => measures.Trend,
        _ => measures.Incidents,
    };

    /// <summary>
    /// The window's entries at a firing point (docs/rules.md), what the pattern rests on there, after
    /// <paramref name="after"/> when given: an episode already holds its window up to its last point, so extending
    /// it needs only what came since, not the whole window again. <paramref name="start"/> is the window's first
    /// entry (the point itself for kinds without a window). A list reused by every call.
    /// </summary>
    private List<Entry> WindowOf(GroupState group, int index, int start, Entry? after)
    {
        var window = _windowEntries;
        window.Clear();
        var x = group.Entries[index];
        if (after is not null)
        {
            var since = index;
            while (since > start && Entry.Compare(group.Entries[since - 1], after) > 0)
                since--;
            start = since;
        }
        switch (Rule.Pattern)
        {
            case RulePattern.Spread or RulePattern.Threshold:
                for (var j = start; j <= index; j++)
                    window.Add(group.Entries[j]);
                break;
            case RulePattern.Sequence:
                for (var j = start; j < index; j++)
                {
                    if (group.Entries[j].IsFirst)
                        window.Add(group.Entries[j]);
                }
                window.Add(x);
                break;
            default:
                window.Add(x);
                break;
        }
        return window;
    }

    /// <summary>
    /// Brings the group's tally to the window of entry <paramref name="index"/>, from the one before it when it has
    /// that: evaluating entries in order, as appending and rebuilding do, moves it an entry in and a few out at a time.
    /// </summary>
    private WindowTally Tally(GroupState group, int index)
    {
        var entries = group.Entries;
        var tally = group.Tally;
        if (tally is not null && tally.Last == index - 1)
        {
            Count(tally, entries[index], add: true);
            var after = entries[index].Ticks - _window;
            while (tally.From < index && entries[tally.From].Ticks <= after)
            {
                Count(tally, entries[tally.From], add: false);
                tally.From++;
            }
        }
        else
        {
            tally ??= group.Tally = new WindowTally();
            tally.Reset(WindowStart(group, index));
            for (var j = tally.From; j <= index; j++)
                Count(tally, entries[j], add: true);
        }
        tally.Last = index;
        return tally;
    }

    /// <summary>The first entry of the window of <paramref name="index"/>, just evaluated: its tally's for the kinds that count one, else the point itself.</summary>
    private int EvaluatedWindowStart(GroupState group, int index) => _windowed ? group.Tally!.From : index;

    /// <summary>Adds an entry to a tally, or takes it out, if the rule counts it: a sequence counts only its firsts.</summary>
    private void Count(WindowTally tally, Entry entry, bool add)
    {
        if (Rule.Pattern is RulePattern.Sequence && !entry.IsFirst)
            return;
        if (add)
            tally.Add(entry.DistinctValue, entry.Killed);
        else
            tally.Remove(entry.DistinctValue, entry.Killed);
    }

    private int WindowStart(GroupState group, int index)
    {
        if (group.Tally is { } tally && tally.Last == index)
            return tally.From;
        var after = group.Entries[index].Ticks - _window;
        var j = index;
        while (j > 0 && group.Entries[j - 1].Ticks > after)
            j--;
        return j;
    }

    /// <summary>Whether the pattern holds at entry <paramref name="index"/>, for every kind but trend.</summary>
    private bool Evaluate(GroupState group, int index, out PointMeasures measures)
    {
        var x = group.Entries[index];
        switch (Rule.Pattern)
        {
            case RulePattern.Spread or RulePattern.Threshold:
            {
                var tally = Tally(group, index);
                var (count, distinct) = (index - tally.From + 1, tally.Distinct);
                measures = new PointMeasures(count, distinct, tally.Killed, 0);
                return Rule.Pattern is RulePattern.Spread spread
                    ? count >= spread.MinIncidents && distinct >= spread.MinDistinct
                    : count >= ((RulePattern.Threshold)Rule.Pattern).MinIncidents;
            }
            case RulePattern.Sequence:
            {
                // Every entry moves the tally on, a then or not, so that the next one's window moves on from it.
                var tally = Tally(group, index);
                if (!x.IsThen)
                {
                    measures = default;
                    return false;
                }
                // The tally counts the firsts up to and with this entry: this one, when it is a first too, is
                // already in it, and is the incident the pattern counts once.
                var (count, killed) = x.IsFirst ? (tally.Count, tally.Killed) : (tally.Count + 1, tally.Killed + x.Killed);
                var distinct = x.IsFirst || tally.Holds(x.Incident.Location.DistrictId) ? tally.Distinct : tally.Distinct + 1;
                measures = new PointMeasures(count, distinct, killed, 0);
                return count > 1;
            }
            default:
                measures = new PointMeasures(1, 1, x.Killed, 0);
                return true;
        }
    }

    /// <summary>The sums of bucket <paramref name="k"/> counted afresh (see <see cref="TrendSums"/>).</summary>
    private static TrendSums Summed(GroupState group, long k, long w, long b, bool zScore)
    {
        int[]? slices = null;
        if (zScore)
        {
            slices = new int[b / w];
            for (var s = 0; s < slices.Length; s++)
            {
                var from = k - w - b + 1 + (s * w);
                slices[s] = CountIn(group, from, from + w - 1);
            }
        }
        return Spread(k, CountIn(group, k - w + 1, k - 1), CountIn(group, k - w - b + 1, k - w), slices);
    }

    /// <summary>
    /// The sums of bucket <paramref name="k"/> from those of an earlier bucket, moved one bucket at a time: the
    /// buckets between changed only by incidents evaluated there, which moved the sums (a change anywhere else
    /// drops them, see <see cref="CountBucket"/>), so the counts read now are those a fresh sum reads.
    /// </summary>
    private static TrendSums Shifted(GroupState group, TrendSums before, long k, long w, long b)
    {
        var (earlier, baseline) = (before.Earlier, before.Baseline);
        var slices = before.Slices is { } s0 ? (int[])s0.Clone() : null;
        var buckets = group.Buckets;
        for (var c = before.Bucket; c < k; c++)
        {
            // From c to c + 1: the window's earlier buckets gain c and lose c + 1 − w; the baseline gains
            // c + 1 − w and loses c + 1 − w − b; slice s gains c + 1 − b + s·w and loses c + 1 − w − b + s·w.
            earlier += buckets[c] - buckets[c + 1 - w];
            baseline += buckets[c + 1 - w] - buckets[c + 1 - w - b];
            for (var s = 0; s < (slices?.Length ?? 0); s++)
                slices![s] += buckets[c + 1 - b + (s * w)] - buckets[c + 1 - w - b + (s * w)];
        }
        return Spread(k, earlier, baseline, slices);
    }

    /// <summary>The sums with the slices' mean and population standard deviation, worked out in slice order.</summary>
    private static TrendSums Spread(long k, int earlier, int baseline, int[]? slices)
    {
        double mean = 0, sigma = 0;
        if (slices is not null)
        {
            double sum = 0, squares = 0;
            foreach (double count in slices)
            {
                sum += count;
                squares += count * count;
            }
            mean = sum / slices.Length;
            sigma = Math.Sqrt(Math.Max(0, (squares / slices.Length) - (mean * mean)));
        }
        return new TrendSums(k, earlier, baseline, mean, sigma, slices);
    }

    /// <summary>
    /// Whole buckets since the Unix epoch, rounded down (docs/rules.md, "Trend"), in integers: ticks since 1970 pass
    /// 2^53 in 2000, so through a double an incident a tick before midnight fell in the next day.
    /// </summary>
    private long BucketOf(long ticks)
    {
        var since = ticks - DateTime.UnixEpoch.Ticks;
        var quotient = since / _bucket;
        return since % _bucket < 0 ? quotient - 1 : quotient;
    }

    private static int CountIn(GroupState group, long fromBucket, long toBucket) => group.Buckets.Sum(fromBucket, toBucket);

    /// <summary>Whether a trend holds in bucket <paramref name="k"/> (docs/rules.md, "Trend").</summary>
    private bool EvaluateBucket(GroupState group, long k, Entry x, out PointMeasures measures)
    {
        var trend = (RulePattern.Trend)Rule.Pattern;
        var w = trend.Window.Ticks / _bucket;
        var b = trend.Baseline.Ticks / _bucket;
        // In-order incidents land in the newest bucket: everything but its own count is as it was for the
        // previous incident, so the window's other buckets and the baseline are summed once per bucket; and when
        // the group moves on to a later bucket, by at most a window, the sums move with it bucket by bucket
        // (what enters, less what leaves) instead of summing a 360-day baseline again.
        if (group.Trend is not { } cached || cached.Bucket != k)
        {
            group.Trend = cached = group.Trend is { } before && before.Bucket < k && k - before.Bucket <= w
                ? Shifted(group, before, k, w, b)
                : Summed(group, k, w, b, trend.ZScore is not null);
        }
        var current = cached.Earlier + group.Buckets[k];
        var baseline = cached.Baseline;
        var enough = current >= trend.MinIncidents && baseline >= trend.MinBaseline;
        if (trend.Ratio is { } ratio)
        {
            var expected = baseline * (double)w / b;
            measures = new PointMeasures(current, 1, x.Killed, expected > 0 ? current / expected : 0);
            return enough && current >= ratio * expected;
        }

        var z = cached.Sigma > 0 ? (current - cached.Mean) / cached.Sigma : current > cached.Mean ? double.PositiveInfinity : 0;
        measures = new PointMeasures(current, 1, x.Killed, cached.Sigma > 0 ? z : current - cached.Mean);
        return enough && z >= trend.ZScore!.Value;
    }
}
