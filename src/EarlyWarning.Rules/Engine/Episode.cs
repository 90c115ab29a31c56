using EarlyWarning.Contracts.Warnings;

namespace EarlyWarning.Rules.Engine;

/// <summary>A run of firing points no more than the quiet period apart: one warning (docs/rules.md, "Episodes").</summary>
internal sealed class Episode(string warningId, Entry first)
{
    private readonly Dictionary<string, int> _districts = new(StringComparer.Ordinal);

    // Every update of a warning carries its listed incidents and districts; an open trend updates with each
    // incident, so both lists are kept until they change instead of being rebuilt for every snapshot.
    private List<WarningIncident>? _listed;
    private List<string>? _districtList;

    // Each point with the highest severity and measure up to it, so a late report that reshapes the episode from
    // some point on can cut it back there without going over the points before.
    private readonly List<(Entry Point, int MaxRank, double MaxPeak)> _points = [];

    public string WarningId { get; } = warningId;

    public Entry First { get; } = first;

    public Entry Last { get; private set; } = first;

    /// <summary>The union of its points' windows, in entry order.</summary>
    public List<Entry> Members { get; } = [];

    public int SeverityRank { get; private set; }

    public double Peak { get; private set; } = double.NegativeInfinity;

    public int Killed { get; private set; }

    /// <summary>The distinct districts of all members, sorted.</summary>
    public IReadOnlyList<string> DistrictIds => _districtList ??= [.. _districts.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The first <see cref="WarningSnapshot.MaxListedIncidents"/> members, as a warning lists them.</summary>
    public IReadOnlyList<WarningIncident> Listed()
    {
        if (_listed is null)
        {
            _listed = [.. Members.Take(WarningSnapshot.MaxListedIncidents).Select(m => m.Listed)];
        }
        return _listed;
    }

    /// <summary>The points from <paramref name="fromTicks"/> on now measure higher (a trend bucket that grew).</summary>
    public void Elevate(long fromTicks, int severityRank, double measure)
    {
        var first = _points.FindIndex(p => p.Point.Ticks >= fromTicks);
        if (first < 0)
            return;
        for (var i = first; i < _points.Count; i++)
        {
            var (rank, peak) = i == 0 ? (severityRank, measure) : (Math.Max(_points[i - 1].MaxRank, severityRank), Math.Max(_points[i - 1].MaxPeak, measure));
            _points[i] = (_points[i].Point, Math.Max(rank, _points[i].MaxRank), Math.Max(peak, _points[i].MaxPeak));
        }
        (SeverityRank, Peak) = (_points[^1].MaxRank, _points[^1].MaxPeak);
    }

    /// <summary>
    /// Cuts the episode back to its points before <paramref name="ticks"/>, keeping exactly what they contributed: by
    /// the order argument of <see cref="AddPoint"/>, the members up to the last point kept. False when no point is before.
    /// </summary>
    public bool TruncateBefore(long ticks)
    {
        var keep = _points.FindIndex(p => p.Point.Ticks >= ticks);
        if (keep < 0)
            return true;
        if (keep == 0)
            return false;
        _points.RemoveRange(keep, _points.Count - keep);
        (Last, SeverityRank, Peak) = (_points[^1].Point, _points[^1].MaxRank, _points[^1].MaxPeak);
        var cut = Members.BinarySearch(Last, Entry.Order) + 1;
        for (var i = cut; i < Members.Count; i++)
        {
            var member = Members[i];
            Killed -= member.Killed;
            var district = member.Incident.Location.DistrictId;
            if (--_districts[district] == 0)
            {
                _districts.Remove(district);
                _districtList = null;
            }
        }
        if (cut < Members.Count && cut < WarningSnapshot.MaxListedIncidents)
            _listed = null;
        Members.RemoveRange(cut, Members.Count - cut);
        return true;
    }

    public bool Contains(Entry entry) => Members.BinarySearch(entry, Entry.Order) >= 0;

    /// <summary>
    /// Adds a firing point and its window. Points come in entry order and a window only slides forward, so the part
    /// of this window up to the previous point lay in that point's window already: members are only ever appended.
    /// </summary>
    public void AddPoint(Entry point, int severityRank, double measure, List<Entry> window)
    {
        var previous = _points.Count == 0 ? null : Last;
        Last = point;
        SeverityRank = Math.Max(SeverityRank, severityRank);
        Peak = Math.Max(Peak, measure);
        _points.Add((point, SeverityRank, Peak));
        foreach (var member in window)
        {
            if (previous is not null && Entry.Order.Compare(member, previous) <= 0)
                continue;
            Members.Add(member);
            if (Members.Count <= WarningSnapshot.MaxListedIncidents)
                _listed = null;
            Killed += member.Killed;
            var district = member.Incident.Location.DistrictId;
            var count = _districts.GetValueOrDefault(district);
            if (count == 0)
                _districtList = null;
            _districts[district] = count + 1;
        }
    }
}
