using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.Gazetteer;
using EarlyWarning.Rules.Model;
using YamlDotNet.RepresentationModel;

namespace EarlyWarning.Rules.Loading;

internal sealed partial class RuleFileParser
{
    private const string AttacksWord = "attacks";

    private static readonly string[] FilterKeys =
        ["types", "provinces", "districts", "targets", "perpetrators", "claimStatus", "minReliability", "minKilled", "killedSides"];

    private IncidentFilter? Filter(NodeReader rule, YamlNode node, string path)
    {
        if (rule.Mapping(node, path, "a filter: a mapping of types, provinces, districts …") is not { } fields)
            return null;
        var before = errors.Count;
        fields.RejectUnknown(FilterKeys);

        string[] typeWords = [AttacksWord, .. IncidentTypes.All];
        var types = Set(rule, fields, "types", (item, p) =>
            rule.OneOf(item, p, typeWords) is { } type
                ? type == AttacksWord ? IncidentTypes.Attacks : [type]
                : null);
        var provinces = Set(rule, fields, "provinces", (item, p) => Province(rule, item, p) is { } id ? [id] : null);
        var districts = Districts(rule, fields, provinces);
        var targets = Set(rule, fields, "targets", (item, p) => rule.OneOf(item, p, Targets.All) is { } t ? [t] : null);
        var perpetrators = Set(rule, fields, "perpetrators", (item, _) => [item.Value!.Trim()], StringComparer.OrdinalIgnoreCase);
        var claimStatuses = Set(rule, fields, "claimStatus", (item, p) => rule.OneOf(item, p, ClaimStatus.All) is { } c ? [c] : null);
        var minReliability = fields.Get("minReliability") is { } r ? rule.OneOf(r, fields.PathOf("minReliability"), SourceReliability.Grades) : null;
        var minKilled = fields.Get("minKilled") is { } k ? rule.Count(k, fields.PathOf("minKilled")) : null;
        var killedSides = Set(rule, fields, "killedSides", (item, p) => rule.OneOf(item, p, IncidentFilter.Sides) is { } s ? [s] : null);
        if (fields.Key("killedSides") is { } sidesKey && fields.Get("minKilled") is null)
            rule.Error(sidesKey, $"{fields.PathOf("killedSides")}: counts toward minKilled, which is not given");

        return errors.Count > before
            ? null
            : new IncidentFilter(types, provinces, districts, targets, perpetrators, claimStatuses, minReliability, minKilled, killedSides);
    }

    private IReadOnlySet<string>? Districts(NodeReader rule, Fields fields, IReadOnlySet<string>? provinces)
    {
        var path = fields.PathOf("districts");
        return Set(rule, fields, "districts", (item, p) =>
        {
            if (District(rule, item, p) is not { } district)
                return null;
            if (provinces is not null && !provinces.Contains(district.ProvinceId))
            {
                // Both lists must hold for an incident, so such a district could never match.
                rule.Error(item, $"{path}: {district.Name} lies in {gazetteer.ProvinceOf(district).Name}, which is not one of {fields.PathOf("provinces")}");
                return null;
            }
            return [district.Id];
        });
    }

    /// <summary>A list-valued filter key as a set; null when the key is absent (any value) or has an error.</summary>
    private static IReadOnlySet<string>? Set(
        NodeReader rule,
        Fields fields,
        string key,
        Func<YamlScalarNode, string, IEnumerable<string>?> resolve,
        StringComparer? comparer = null)
    {
        if (fields.Get(key) is not { } node)
            return null;
        var path = fields.PathOf(key);
        if (rule.Items(node, path) is not { } items)
            return null;
        var set = new HashSet<string>(comparer ?? StringComparer.Ordinal);
        var valid = true;
        foreach (var item in items)
        {
            if (resolve(item, path) is { } values)
                set.UnionWith(values);
            else
                valid = false;
        }
        return valid ? set : null;
    }

    /// <summary>A province by gazetteer id or by any name the gazetteer knows it by (<c>Baluchistan</c>, <c>KPK</c>); its id.</summary>
    private string? Province(NodeReader reader, YamlNode node, string path)
    {
        if (reader.Text(node, path) is not { } text)
            return null;
        var province = gazetteer.Provinces.FirstOrDefault(p => p.Id == text) ?? gazetteer.FindProvince(text);
        if (province is null)
            reader.Error(node, $"{path}: unknown province '{text}'; known: {string.Join(", ", gazetteer.Provinces.Select(p => p.Name))}");
        return province?.Id;
    }

    /// <summary>
    /// A district by gazetteer id, name or alias. A town named in its place (<c>Turbat</c>) is an error rather than its
    /// district: a rule about Turbat that silently watched all of Kech would be wider than its author meant.
    /// </summary>
    private District? District(NodeReader reader, YamlNode node, string path)
    {
        if (reader.Text(node, path) is not { } text)
            return null;
        if (gazetteer.FindDistrictById(text) is { } byId)
            return byId;
        switch (gazetteer.Resolve(province: null, district: text, place: null))
        {
            case LocationResolved { Location: { Match: not GazetteerMatch.Place } location }:
                return location.District;
            case LocationResolved { Location: var location }:
                reader.Error(node, $"{path}: '{text}' is a place in {location.District.Name} district, not a district; name the district");
                return null;
            case LocationUnresolved { Failure: ResolutionFailure.UnknownDistrict } unresolved:
                var hint = unresolved.Suggestions.Count > 0 ? $"; did you mean {string.Join(", ", unresolved.Suggestions)}?" : "";
                reader.Error(node, $"{path}: unknown district '{text}'{hint}");
                return null;
            case LocationUnresolved unresolved:
                reader.Error(node, $"{path}: {unresolved.Reason}");
                return null;
            default:
                return null;
        }
    }
}
