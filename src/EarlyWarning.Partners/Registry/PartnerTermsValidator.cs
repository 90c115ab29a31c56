using EarlyWarning.Contracts.Incidents;
using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.Gazetteer;
using EarlyWarning.Partners.Entitlements;

namespace EarlyWarning.Partners.Registry;

/// <summary>
/// The one check of a partner's terms, for configuration and the admin API alike: every mistake is listed by its
/// field (camelCase, dotted: <c>point.latitude</c>), rather than showing a partner more, or less, than agreed.
/// </summary>
internal static class PartnerTermsValidator
{
    public const int MaxNameLength = 64;

    /// <summary>The partner the terms describe (without a webhook), or every field error.</summary>
    public static (Partner? Partner, List<FieldError> Errors) Validate(PartnerTerms terms, Gazetteer.Gazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(gazetteer);
        var errors = new List<FieldError>();
        var name = terms.Name?.Trim();
        if (string.IsNullOrEmpty(name) || !PartnerNames.IsValid(name))
            errors.Add(new FieldError("name", $"'{name}' must be 1 to {MaxNameLength} letters, digits, '_' or '-' (it names the partner's key, queue and user; a dot would let one partner's RabbitMQ permissions match another's queues)."));

        var provinces = Entries("provinces", terms.Provinces, errors);
        foreach (var province in provinces.Where(p => gazetteer.Provinces.All(known => known.Id != p)))
            errors.Add(new FieldError("provinces", $"'{province}' is not a province id of the gazetteer: use one of {string.Join(", ", gazetteer.Provinces.Select(p => p.Id))}."));
        var area = Area(terms.Point, errors);
        if (provinces.Count == 0 && terms.Point is null && !errors.Any(e => e.Field == "provinces"))
            errors.Add(new FieldError("provinces", "an entitlement needs provinces, a point, or both; a partner is never entitled to everything by omission."));

        var kinds = Entries("kinds", terms.Kinds, errors);
        if (kinds.Count == 0 || kinds.Any(k => !EventKinds.All.Contains(k)))
            errors.Add(new FieldError("kinds", $"must list {string.Join(" and/or ", EventKinds.All)}{(kinds.Count == 0 ? "" : $", not '{string.Join(", ", kinds)}'")}."));

        var minimum = terms.MinimumSeverity?.Trim();
        if (minimum is not null && !CapSeverity.All.Contains(minimum, StringComparer.Ordinal))
            errors.Add(new FieldError("minimumSeverity", $"'{minimum}' is not a CAP severity: use one of {string.Join(", ", CapSeverity.All)}; leave it out for any."));

        if (errors.Count > 0)
            return (null, errors);
        var allow = new Allow(terms.Allow?.SourceIdentities ?? false, terms.Allow?.Notes ?? false);
        return (new Partner(name!, new Entitlement(provinces, area, kinds.Distinct().ToList(), minimum, allow)), errors);
    }

    private static EntitlementArea? Area(PartnerPointTerms? point, List<FieldError> errors)
    {
        if (point is null)
            return null;
        var latitude = Number("point.latitude", point.Latitude, -90, 90, errors);
        var longitude = Number("point.longitude", point.Longitude, -180, 180, errors);
        var radius = Number("point.radiusKm", point.RadiusKm, 0.1, 2000, errors);
        return latitude is { } lat && longitude is { } lon && radius is { } km ? new EntitlementArea(new GeoPoint(lat, lon), km) : null;
    }

    private static double? Number(string field, double? value, double min, double max, List<FieldError> errors)
    {
        if (value is { } v && double.IsFinite(v) && v >= min && v <= max)
            return v;
        errors.Add(new FieldError(field, value is null
            ? $"is required: a number from {min} to {max}."
            : $"must be a number from {min} to {max}, not {value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}."));
        return null;
    }

    private static List<string> Entries(string field, IReadOnlyList<string?>? values, List<FieldError> errors)
    {
        var entries = (values ?? []).Select(v => v?.Trim() ?? "").ToList();
        if (entries.Any(string.IsNullOrEmpty))
            errors.Add(new FieldError(field, "has an empty entry."));
        return entries.Where(e => e.Length > 0).ToList();
    }
}
