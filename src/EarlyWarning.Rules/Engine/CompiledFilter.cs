using EarlyWarning.Contracts.Incidents;
using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.Rules.Model;

namespace EarlyWarning.Rules.Engine;

/// <summary>An <see cref="IncidentFilter"/> turned into a predicate, cheapest tests first.</summary>
internal sealed class CompiledFilter
{
    private readonly HashSet<string>? _types;
    private readonly HashSet<string>? _provinces;
    private readonly HashSet<string>? _districts;
    private readonly HashSet<string>? _targets;
    private readonly HashSet<string>? _perpetrators;
    private readonly HashSet<string>? _claims;
    private readonly int _maxReliabilityRank;
    private readonly int? _minKilled;
    private readonly bool _security;
    private readonly bool _civilians;
    private readonly bool _militants;

    public CompiledFilter(IncidentFilter filter)
    {
        _types = Set(filter.IncidentTypes, StringComparer.Ordinal);
        _provinces = Set(filter.ProvinceIds, StringComparer.Ordinal);
        _districts = Set(filter.DistrictIds, StringComparer.Ordinal);
        _targets = Set(filter.Targets, StringComparer.Ordinal);
        _perpetrators = Set(filter.Perpetrators, StringComparer.OrdinalIgnoreCase);
        _claims = Set(filter.ClaimStatuses, StringComparer.Ordinal);
        _maxReliabilityRank = filter.MinReliability is { } grade ? SourceReliability.Rank(grade) : int.MaxValue;
        _minKilled = filter.MinKilled;
        var sides = filter.KilledSides;
        _security = sides is null || sides.Contains("security-forces");
        _civilians = sides is null || sides.Contains("civilians");
        _militants = sides is null || sides.Contains("militants");
    }

    /// <summary>Whether the incident passes; <paramref name="typeChecked"/> when the caller has already found its type among the filter's.</summary>
    public bool Matches(IncidentSummary incident, bool typeChecked = false)
    {
        if (!typeChecked && _types is not null && !_types.Contains(incident.IncidentType))
            return false;
        if (_provinces is not null && !_provinces.Contains(incident.Location.ProvinceId))
            return false;
        if (_districts is not null && !_districts.Contains(incident.Location.DistrictId))
            return false;
        if (_targets is not null && !AnyOf(incident.Targets, _targets))
            return false;
        if (_perpetrators is not null && (incident.Perpetrator is null || !_perpetrators.Contains(incident.Perpetrator)))
            return false;
        if (_claims is not null && !_claims.Contains(incident.ClaimStatus))
            return false;
        if (_maxReliabilityRank != int.MaxValue && SourceReliability.Rank(incident.BestReliability) > _maxReliabilityRank)
            return false;
        return _minKilled is not { } min || KilledOn(incident) >= min;
    }

    private int KilledOn(IncidentSummary incident)
    {
        var c = incident.Casualties;
        return (_security ? c.SecurityForces?.Killed ?? 0 : 0)
            + (_civilians ? c.Civilians?.Killed ?? 0 : 0)
            + (_militants ? c.Militants?.Killed ?? 0 : 0);
    }

    /// <summary>Killed on all sides: what warnings report.</summary>
    public static int KilledAll(IncidentSummary incident)
    {
        var c = incident.Casualties;
        return (c.SecurityForces?.Killed ?? 0) + (c.Civilians?.Killed ?? 0) + (c.Militants?.Killed ?? 0);
    }

    // A loop, not Enumerable.Any with a method group: that allocated a delegate for every incident the filter saw.
    private static bool AnyOf(IReadOnlyList<string> values, HashSet<string> set)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (set.Contains(values[i]))
                return true;
        }
        return false;
    }

    private static HashSet<string>? Set(IReadOnlySet<string>? values, StringComparer comparer) =>
        values is null ? null : new HashSet<string>(values, comparer);
}
