using EarlyWarning.Contracts.Warnings;

namespace EarlyWarning.Rules.Backtesting.Archive;

/// <summary>
/// The warnings of a back-test that can no longer change, held as bytes until the report reads them. Held as objects,
/// a million incidents' 160,000 warnings (their snapshots, listed incidents, ids and headlines) were a third of a
/// gigabyte of small objects, each surviving the collections made while the run went on and copied by them into an
/// older generation: most of the run's collection time. Bytes in large arrays hold no references, so the collector
/// neither copies nor traces them. A warning is read back as equal values, not as the same objects.
/// </summary>
internal sealed class WarningArchive
{
    // Large enough to live in the large object heap, where arrays are neither moved nor promoted.
    private const int ChunkSize = 1 << 20;

    private readonly List<byte[]> _chunks = [];
    private readonly ArchiveWriter _writer = new();
    private int _used = ChunkSize;

    public int Count { get; private set; }

    /// <summary>Archives <paramref name="report"/> and the times its severity rose (<paramref name="rises"/>); returns where it is.</summary>
    public ArchivedAt Add(BacktestWarning report, IReadOnlyList<(DateTimeOffset At, int Rank)> rises)
    {
        var w = _writer;
        w.Clear();
        var s = report.Warning;
        // What ordering and lookups read comes first, so they stop early.
        w.Time(s.FirstHeldAt);
        w.Text(s.WarningId);
        w.Int(rises.Count);
        // Indexed, not enumerated: an enumerator through the lists' interface is an object a list.
        for (var i = 0; i < rises.Count; i++)
        {
            w.Time(rises[i].At);
            w.Int(rises[i].Rank);
        }
        w.Time(report.KnownAt);
        w.Long(report.LateBy?.Ticks ?? -1);
        w.Int(report.Versions);
        w.Shared(report.ResolutionReason);
        w.Shared(s.RuleId);
        w.Shared(s.RuleTitle);
        w.Shared(s.RuleKind);
        w.Shared(s.RuleSetHash);
        w.Shared(s.GroupBy);
        w.Shared(s.GroupKey);
        w.Shared(s.GroupName);
        w.Shared(s.ProvinceId);
        w.Shared(s.Status);
        w.Shared(s.Severity);
        w.Shared(s.Urgency);
        w.Shared(s.Certainty);
        w.Text(s.FirstIncidentId);
        w.Time(s.LastHeldAt);
        w.Time(s.ResolvedAt);
        w.Int(s.Incidents.Count);
        for (var i = 0; i < s.Incidents.Count; i++)
        {
            var incident = s.Incidents[i];
            w.Text(incident.IncidentId);
            w.Time(incident.OccurredAt);
            w.Shared(incident.IncidentType);
            w.Shared(incident.ProvinceId);
            w.Shared(incident.DistrictId);
            w.Shared(incident.District);
            w.Double(incident.Latitude);
            w.Double(incident.Longitude);
            w.Int(incident.Killed);
        }
        w.Int(s.IncidentCount);
        w.Int(s.DistrictIds.Count);
        for (var i = 0; i < s.DistrictIds.Count; i++)
            w.Shared(s.DistrictIds[i]);
        w.Int(s.Killed);
        w.Double(s.Measure);
        w.Text(s.Headline);
        w.Int(s.Suppression is null ? 0 : 1);
        if (s.Suppression is { } suppression)
        {
            w.Shared(suppression.Kind);
            w.Shared(suppression.By);
            w.Shared(suppression.Reason);
        }
        Count++;
        return Store(w.Written);
    }

    public DateTimeOffset FirstHeldAt(ArchivedAt at) => Reader(at).Time();

    public string WarningId(ArchivedAt at)
    {
        var r = Reader(at);
        r.Time();
        return r.Text();
    }

    /// <summary>When the warning first stood at <paramref name="rank"/> or above; null if it never did.</summary>
    public DateTimeOffset? ReachedAt(ArchivedAt at, int rank)
    {
        var r = Reader(at);
        r.Time();
        r.Text();
        var rises = r.Int();
        for (var i = 0; i < rises; i++)
        {
            var time = r.Time();
            if (r.Int() >= rank)
                return time;
        }
        return null;
    }

    public BacktestWarning Read(ArchivedAt at)
    {
        var r = Reader(at);
        var firstHeldAt = r.Time();
        var warningId = r.Text();
        var rises = r.Int();
        for (var i = 0; i < rises; i++)
        {
            r.Time();
            r.Int();
        }
        var knownAt = r.Time();
        var lateBy = r.Long() is var ticks and >= 0 ? TimeSpan.FromTicks(ticks) : (TimeSpan?)null;
        var versions = r.Int();
        var resolutionReason = r.Shared();
        var ruleId = r.SharedValue();
        var ruleTitle = r.SharedValue();
        var ruleKind = r.SharedValue();
        var ruleSetHash = r.SharedValue();
        var groupBy = r.SharedValue();
        var groupKey = r.SharedValue();
        var groupName = r.SharedValue();
        var provinceId = r.Shared();
        var status = r.SharedValue();
        var severity = r.SharedValue();
        var urgency = r.SharedValue();
        var certainty = r.SharedValue();
        var firstIncidentId = r.Text();
        var lastHeldAt = r.Time();
        var resolvedAt = r.OptionalTime();
        var incidents = new WarningIncident[r.Int()];
        for (var i = 0; i < incidents.Length; i++)
            incidents[i] = new WarningIncident(r.Text(), r.Time(), r.SharedValue(), r.SharedValue(), r.SharedValue(), r.SharedValue(), r.Double(), r.Double(), r.Int());
        var incidentCount = r.Int();
        var districtIds = new string[r.Int()];
        for (var i = 0; i < districtIds.Length; i++)
            districtIds[i] = r.SharedValue();
        var killed = r.Int();
        var measure = r.Double();
        var headline = r.Text();
        var suppression = r.Int() == 0 ? null : new WarningSuppression(r.SharedValue(), r.SharedValue(), r.SharedValue());
        var snapshot = new WarningSnapshot(
            warningId, ruleId, ruleTitle, ruleKind, ruleSetHash, groupBy, groupKey, groupName, provinceId, status, severity, urgency, certainty,
            firstIncidentId, firstHeldAt, lastHeldAt, resolvedAt, incidents, incidentCount, districtIds, killed, measure, headline, suppression);
        return new BacktestWarning(snapshot, knownAt, lateBy, versions, resolutionReason);
    }

    private ArchivedAt Store(ReadOnlySpan<byte> record)
    {
        if (_used + record.Length > ChunkSize)
        {
            // A record longer than a chunk (a hundred listed incidents with long ids, say) gets one of its own.
            _chunks.Add(new byte[Math.Max(ChunkSize, record.Length)]);
            _used = 0;
        }
        var at = new ArchivedAt(_chunks.Count - 1, _used);
        record.CopyTo(_chunks[^1].AsSpan(_used));
        _used += record.Length;
        return at;
    }

    private ArchiveReader Reader(ArchivedAt at) => new(_chunks[at.Chunk].AsSpan(at.Offset), _writer.Strings);
}
