namespace EarlyWarning.Rules.Engine;

/// <summary>A run of firing points no more than the quiet period apart: one warning (docs/rules.md, "Episodes").</summary>
internal sealed class Episode(WarningKey key, Entry first)
{
    // Each point with the highest severity and measure up to it, so a late report that reshapes the episode from
    // some point on can cut it back there without going over the points before.
    private readonly List<(Entry Point, int MaxRank, double MaxPeak)> _points = [];

    public WarningKey Key { get; } = key;

    /// <summary>The engine's record of the warning, once it has looked it up.</summary>
    public WarningRecord? Record { get; set; }

    public Entry First { get; } = first;

    public Entry Last { get; private set; } = first;

    /// <summary>Its last firing point; null before its first is added.</summary>
    public Entry? LastPoint => _points.Count == 0 ? null : Last;

    /// <summary>
    /// The union of its points' windows, in entry order. Appended to and cut back; every prefix a
    /// <see cref="WarningMembers"/> took of it stays as it was (<see cref="MemberList"/>).
    /// </summary>
    public MemberList Members { get; } = new();

    public int SeverityRank { get; private set; }

    public double Peak { get; private set; } = double.NegativeInfinity;

    public int Killed { get; private set; }

    /// <summary>The points from <paramref name="fromTicks"/> on now measure higher (a trend bucket that grew).</summary>
    public void Elevate(long fromTicks, int severityRank, double measure)
    {
        // From the end: a grown bucket is the newest, and a long trend episode has hundreds of points before it.
        var first = _points.Count;
        while (first > 0 && _points[first - 1].Point.Ticks >= fromTicks)
            first--;
        if (first == _points.Count)
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
        // Points come in entry order, so by time: the first at or after ticks is found by halving, not by a walk
        // from the start of an episode that a dense hour makes hundreds of points long.
        int lo = 0, hi = _points.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_points[mid].Point.Ticks < ticks)
                lo = mid + 1;
            else
                hi = mid;
        }
        var keep = lo;
        if (keep == _points.Count)
            return true;
        if (keep == 0)
            return false;
        _points.RemoveRange(keep, _points.Count - keep);
        (Last, SeverityRank, Peak) = (_points[^1].Point, _points[^1].MaxRank, _points[^1].MaxPeak);
        var cut = Members.BinarySearch(Last) + 1;
        for (var i = cut; i < Members.Count; i++)
            Killed -= Members[i].Killed;
        Members.CutTo(cut);
        return true;
    }

    public bool Contains(Entry entry) => Members.BinarySearch(entry) >= 0;

    /// <summary>
    /// Adds a firing point and its window, or the part of it after <see cref="LastPoint"/>. Points come in entry order
    /// and a window only slides forward, so the part of this window up to the previous point lay in that point's
    /// window already: members are only ever appended.
    /// </summary>
    public void AddPoint(Entry point, int severityRank, double measure, List<Entry> window)
    {
        var previous = LastPoint;
        Last = point;
        SeverityRank = Math.Max(SeverityRank, severityRank);
        Peak = Math.Max(Peak, measure);
        _points.Add((point, SeverityRank, Peak));
        // The window is in entry order, so what is new in it is a tail: found from the end, not by comparing every member.
        var from = window.Count;
        while (from > 0 && (previous is null || Entry.Compare(window[from - 1], previous) > 0))
            from--;
        for (var i = from; i < window.Count; i++)
        {
            Members.Add(window[i]);
            Killed += window[i].Killed;
        }
    }
}
