namespace EarlyWarning.Rules.Engine;

/// <summary>A run of firing points no more than the quiet period apart: one warning (docs/rules.md, "Episodes").</summary>
internal sealed class Episode(string warningId, Entry first)
{
    private readonly Dictionary<string, int> _districts = new(StringComparer.Ordinal);

    public string WarningId { get; } = warningId;

    public Entry First { get; } = first;

    public Entry Last { get; private set; } = first;

    public SortedSet<Entry> Members { get; } = new(Entry.Order);

    public int SeverityRank { get; private set; }

    public double Peak { get; private set; } = double.NegativeInfinity;

    public int Killed { get; private set; }

    public IEnumerable<string> DistrictIds => _districts.Keys;

    /// <summary>A point already in the episode now measures higher (a trend bucket that grew).</summary>
    public void Elevate(int severityRank, double measure)
    {
        SeverityRank = Math.Max(SeverityRank, severityRank);
        Peak = Math.Max(Peak, measure);
    }

    public void AddPoint(Entry point, int severityRank, double measure, IEnumerable<Entry> window)
    {
        Last = point;
        SeverityRank = Math.Max(SeverityRank, severityRank);
        Peak = Math.Max(Peak, measure);
        foreach (var member in window)
        {
            if (!Members.Add(member))
                continue;
            Killed += member.Killed;
            var district = member.Incident.Location.DistrictId;
            _districts[district] = _districts.GetValueOrDefault(district) + 1;
        }
    }
}
