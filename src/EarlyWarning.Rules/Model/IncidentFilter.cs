namespace EarlyWarning.Rules.Model;

/// <summary>
/// Which incidents a rule looks at. A null set means "any"; a non-null set must contain the incident's value
/// (for targets: any of the incident's targets). Ids and vocabulary values are canonical (the loader resolves names).
/// </summary>
/// <param name="IncidentTypes">Incident types.</param>
/// <param name="ProvinceIds">Gazetteer province ids.</param>
/// <param name="DistrictIds">Gazetteer district ids.</param>
/// <param name="Targets">Targets; an incident passes when it has at least one of them.</param>
/// <param name="Perpetrators">Perpetrators, compared case-insensitively; an incident with no perpetrator does not pass.</param>
/// <param name="ClaimStatuses">Claim statuses.</param>
/// <param name="MinReliability">The incident's best source reliability must be this grade or better (A best).</param>
/// <param name="MinKilled">At least this many killed, counting <paramref name="KilledSides"/>.</param>
/// <param name="KilledSides">The sides <paramref name="MinKilled"/> counts: security-forces, civilians, militants; null for all.</param>
public sealed record IncidentFilter(
    IReadOnlySet<string>? IncidentTypes = null,
    IReadOnlySet<string>? ProvinceIds = null,
    IReadOnlySet<string>? DistrictIds = null,
    IReadOnlySet<string>? Targets = null,
    IReadOnlySet<string>? Perpetrators = null,
    IReadOnlySet<string>? ClaimStatuses = null,
    string? MinReliability = null,
    int? MinKilled = null,
    IReadOnlySet<string>? KilledSides = null)
{
    public static IncidentFilter Any { get; } = new();

    /// <summary>The casualty sides <see cref="KilledSides"/> may name.</summary>
    public static IReadOnlyList<string> Sides { get; } = ["security-forces", "civilians", "militants"];
}
