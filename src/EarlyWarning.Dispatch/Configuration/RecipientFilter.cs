using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.Contracts.Warnings;

namespace EarlyWarning.Dispatch.Configuration;

/// <summary>Which warnings a recipient wants; an empty list, or no minimum, lets everything through.</summary>
/// <param name="Provinces">Gazetteer province ids, e.g. <c>balochistan</c>.</param>
/// <param name="MinimumSeverity">The least CAP severity sent, e.g. <c>Severe</c>; null for any.</param>
/// <param name="Rules">Rule ids.</param>
public sealed record RecipientFilter(IReadOnlyList<string> Provinces, string? MinimumSeverity, IReadOnlyList<string> Rules)
{
    public static readonly RecipientFilter Any = new([], null, []);

    public bool Matches(WarningSnapshot warning)
    {
        ArgumentNullException.ThrowIfNull(warning);
        if (Rules.Count > 0 && !Rules.Contains(warning.RuleId, StringComparer.Ordinal))
            return false;
        if (MinimumSeverity is { } minimum && CapSeverity.Rank(warning.Severity) < CapSeverity.Rank(minimum))
            return false;
        return Provinces.Count == 0 || ConcernsProvince(warning);
    }

    // A warning grouped over the whole country has no province of its own; it still concerns a province's SOC
    // when incidents of that province are part of it.
    private bool ConcernsProvince(WarningSnapshot warning) =>
        warning.ProvinceId is { } province
            ? Provinces.Contains(province, StringComparer.OrdinalIgnoreCase)
            : warning.Incidents.Any(i => Provinces.Contains(i.ProvinceId, StringComparer.OrdinalIgnoreCase));
}
