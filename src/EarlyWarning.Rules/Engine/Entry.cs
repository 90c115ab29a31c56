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

    /// <summary>The value a spread rule counts distinct values of; null counts as no value.</summary>
    public string? DistinctValue { get; } = distinctValue;

    /// <summary>Killed on all sides.</summary>
    public int Killed { get; } = killed;

    /// <summary>Sequence rules: passes <c>first</c> / passes <c>then</c>.</summary>
    public bool IsFirst { get; init; }

    public bool IsThen { get; init; }

    /// <summary>Whether the pattern holds at this entry (a firing point).</summary>
    public bool Fires { get; set; }

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

    public static IComparer<Entry> Order { get; } = Comparer<Entry>.Create(static (a, b) =>
    {
        var byTime = a.Ticks.CompareTo(b.Ticks);
        return byTime != 0 ? byTime : string.CompareOrdinal(a.Id, b.Id);
    });

    /// <summary>Whether the entry means the same to every rule as <paramref name="other"/>, so a new version changes nothing.</summary>
    public bool SameAs(Entry other) =>
        Ticks == other.Ticks && DistinctValue == other.DistinctValue && Killed == other.Killed && IsFirst == other.IsFirst && IsThen == other.IsThen
        && Incident.IncidentType == other.Incident.IncidentType && Incident.Location == other.Incident.Location;
}
