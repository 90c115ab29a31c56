using EarlyWarning.Contracts.Incidents;
using EarlyWarning.Contracts.Warnings;

namespace EarlyWarning.Rules.Engine;

/// <summary>One incident in one group of one rule, and what the rule concluded at it.</summary>
internal sealed class Entry(GroupState group, IncidentSummary incident, long ticks, string? distinctValue, int killed)
{
    public GroupState Group { get; } = group;

    /// <summary>The same incident's entry in the rule's next group, if it is in more than one (proximity).</summary>
    public Entry? Next { get; set; }

    /// <summary>The incident's slot in the engine's map, once the engine has put the entry there.</summary>
    public IncidentSlot? Slot { get; set; }

    public IncidentSummary Incident { get; } = incident;

    public string Id => Incident.IncidentId;

    /// <summary>Occurred-at, UTC ticks.</summary>
    public long Ticks { get; } = ticks;

    /// <summary>
    /// What a tally counts distinct values of: a spread rule's field, every other kind's district; null counts as no
    /// value. Held here, so a tally that lets the entry go long after it came reads no more than the entry.
    /// </summary>
    public string? DistinctValue { get; } = distinctValue;

    /// <summary>Killed on all sides.</summary>
    public int Killed { get; } = killed;

    /// <summary>Sequence rules: passes <c>first</c> / passes <c>then</c>.</summary>
    public bool IsFirst { get; init; }

    public bool IsThen { get; init; }

    /// <summary>Whether the pattern holds at this entry (a firing point).</summary>
    public bool Fires { get; set; }

    /// <summary>Whether pruning dropped it from its group (see <see cref="IncidentSlot"/>).</summary>
    public bool Released { get; set; }

    /// <summary>The entry as warnings list it; made once, listed by every snapshot of every warning it is in.</summary>
    public WarningIncident Listed => _listed ??= new WarningIncident(
        Id,
        new DateTimeOffset(Ticks, TimeSpan.Zero),
        Incident.IncidentType,
        Incident.Location.ProvinceId,
        Incident.Location.DistrictId,
        Incident.Location.District,
        Incident.Location.Latitude,
        Incident.Location.Longitude,
        Killed);

    private WarningIncident? _listed;

    /// <summary>Entry order: by time, then by incident id. Called directly on hot paths, not through <see cref="Order"/>'s interface and delegate.</summary>
    public static int Compare(Entry a, Entry b)
    {
        var byTime = a.Ticks.CompareTo(b.Ticks);
        return byTime != 0 ? byTime : string.CompareOrdinal(a.Id, b.Id);
    }

    /// <summary><see cref="Compare"/> for the APIs that take a comparer.</summary>
    public static IComparer<Entry> Order { get; } = Comparer<Entry>.Create(Compare);

    /// <summary>Whether the entry means the same to every rule as <paramref name="other"/>, so a new version changes nothing.</summary>
    public bool SameAs(Entry other) =>
        Ticks == other.Ticks && DistinctValue == other.DistinctValue && Killed == other.Killed && IsFirst == other.IsFirst && IsThen == other.IsThen
        && Incident.IncidentType == other.Incident.IncidentType && Incident.Location == other.Incident.Location;
}
