namespace EarlyWarning.Contracts.Partners;

/// <summary>What a partner may see, as recorded: the same terms the <c>Partners</c> configuration section gives.</summary>
/// <param name="Provinces">Gazetteer province ids; empty for any province (then <paramref name="Point"/> is set).</param>
/// <param name="Point">When set, only what lies inside it.</param>
/// <param name="Kinds"><c>incidents</c>, <c>warnings</c>, or both.</param>
/// <param name="MinimumSeverity">The least CAP severity of a warning it sees; null for any.</param>
/// <param name="AllowSourceIdentities">Whether it sees who reported (redacted by default).</param>
/// <param name="AllowNotes">Whether it sees free text written by people (redacted by default).</param>
public sealed record PartnerEntitlement(
    IReadOnlyList<string> Provinces,
    PartnerPoint? Point,
    IReadOnlyList<string> Kinds,
    string? MinimumSeverity,
    bool AllowSourceIdentities,
    bool AllowNotes);
