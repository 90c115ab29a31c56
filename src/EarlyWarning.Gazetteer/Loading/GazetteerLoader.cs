using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EarlyWarning.Gazetteer;

/// <summary>
/// Reads and validates a gazetteer file. Everything is checked before the <see cref="Gazetteer"/> is
/// built, so a bad file throws and never leaves a half-loaded gazetteer behind.
/// </summary>
internal static class GazetteerLoader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // A misspelled member ("centriod") would otherwise be dropped silently and the entry loaded without it.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
    };

    public static Gazetteer Load(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        GazetteerDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<GazetteerDocument>(json, Options);
        }
        catch (JsonException e)
        {
            throw new GazetteerDataException($"The gazetteer file is not valid: {e.Message}", inner: e);
        }
        if (document is null)
            throw new GazetteerDataException("The gazetteer file is empty (null).");

        var header = ReadHeader(document.Header);
        var provinces = ReadProvinces(document.Provinces);
        var provinceIds = provinces.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var districts = ReadDistricts(document.Districts, provinceIds);
        var districtIds = districts.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var places = ReadPlaces(document.Places ?? [], districtIds);

        var provinceIndex = new NameIndex<Province>();
        foreach (var province in provinces)
            AddNames(provinceIndex, province, province.Name, province.Aliases, []);
        CheckNames(provinceIndex, "province", p => Describe("province", p.Id, p.Name));

        var districtIndex = new NameIndex<District>();
        foreach (var district in districts)
            AddNames(districtIndex, district, district.Name, district.Aliases, district.SharedAliases);
        CheckNames(districtIndex, "district", d => Describe("district", d.Id, d.Name));

        var placeIndex = new NameIndex<Place>();
        foreach (var place in places)
            AddNames(placeIndex, place, place.Name, place.Aliases, place.SharedAliases);
        CheckNames(placeIndex, "place", p => Describe("place", p.Id, p.Name));

        return new Gazetteer(header, provinces, districts, places, provinceIndex, districtIndex, placeIndex);
    }

    private static GazetteerHeader ReadHeader(HeaderDto? dto)
    {
        const string entry = "header";
        if (dto is null)
            throw new GazetteerDataException("The file has no header; it must name where its facts come from.", entry);
        if (string.IsNullOrWhiteSpace(dto.Title))
            throw new GazetteerDataException("The header has no title.", entry);
        if (!DateOnly.TryParseExact(dto.AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asOf))
            throw new GazetteerDataException($"The header's asOf '{dto.AsOf}' is not a date in yyyy-MM-dd form.", entry);
        var sources = dto.Sources?.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!).ToList() ?? [];
        if (sources.Count == 0 || sources.Count != dto.Sources!.Count)
            throw new GazetteerDataException("The header must list its sources, none of them empty.", entry);
        return new GazetteerHeader(dto.Title, asOf, sources, dto.Note);
    }

    private static List<Province> ReadProvinces(IReadOnlyList<ProvinceDto?>? dtos)
    {
        if (dtos is null || dtos.Count == 0)
            throw new GazetteerDataException("The file lists no provinces.");
        var provinces = new List<Province>(dtos.Count);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < dtos.Count; i++)
        {
            var dto = dtos[i] ?? throw new GazetteerDataException("The entry is null.", $"province #{i + 1}");
            var entry = Describe("province", dto.Id, dto.Name, i);
            var id = RequireSlug(dto.Id, entry);
            if (!ids.Add(id))
                throw new GazetteerDataException($"The id '{id}' is used by another province too.", entry);
            var name = RequireName(dto.Name, entry);
            if (dto.IsoCode is not null && !IsIsoCode(dto.IsoCode))
                throw new GazetteerDataException($"The isoCode '{dto.IsoCode}' is not an ISO 3166-2:PK code (PK-XX).", entry);
            provinces.Add(new Province(id, name, dto.IsoCode, Names(dto.Aliases, "alias", entry), dto.Note));
        }
        return provinces;
    }

    private static List<District> ReadDistricts(IReadOnlyList<DistrictDto?>? dtos, Dictionary<string, Province> provinces)
    {
        if (dtos is null || dtos.Count == 0)
            throw new GazetteerDataException("The file lists no districts.");
        var districts = new List<District>(dtos.Count);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < dtos.Count; i++)
        {
            var dto = dtos[i] ?? throw new GazetteerDataException("The entry is null.", $"district #{i + 1}");
            var entry = Describe("district", dto.Id, dto.Name, i);
            var id = RequireSlug(dto.Id, entry);
            if (!ids.Add(id))
                throw new GazetteerDataException($"The id '{id}' is used by another district too.", entry);
            var name = RequireName(dto.Name, entry);
            if (string.IsNullOrWhiteSpace(dto.Province) || !provinces.ContainsKey(dto.Province))
                throw new GazetteerDataException($"Its province '{dto.Province}' is not one of the file's provinces.", entry);
            var centroid = RequirePoint(dto.Centroid, "centroid", entry)
                ?? throw new GazetteerDataException("It has no centroid.", entry);
            if (dto.CentroidSource is not ("map-shape" or "representative-point"))
                throw new GazetteerDataException($"Its centroidSource '{dto.CentroidSource}' is neither 'map-shape' nor 'representative-point'.", entry);
            districts.Add(new District(
                id,
                name,
                dto.Province,
                centroid,
                Names(dto.Aliases, "alias", entry),
                Names(dto.SharedAliases, "sharedAlias", entry),
                dto.SvgMapId,
                dto.SvgMapNote,
                dto.CentroidSource,
                dto.Note));
        }
        return districts;
    }

    private static List<Place> ReadPlaces(IReadOnlyList<PlaceDto?> dtos, Dictionary<string, District> districts)
    {
        var places = new List<Place>(dtos.Count);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < dtos.Count; i++)
        {
            var dto = dtos[i] ?? throw new GazetteerDataException("The entry is null.", $"place #{i + 1}");
            var entry = Describe("place", dto.Id, dto.Name, i);
            var id = RequireSlug(dto.Id, entry);
            if (!ids.Add(id))
                throw new GazetteerDataException($"The id '{id}' is used by another place too.", entry);
            var name = RequireName(dto.Name, entry);
            if (string.IsNullOrWhiteSpace(dto.District) || !districts.ContainsKey(dto.District))
                throw new GazetteerDataException($"Its district '{dto.District}' is not one of the file's districts.", entry);
            if (string.IsNullOrWhiteSpace(dto.Kind))
                throw new GazetteerDataException("It has no kind (city, town, tehsil, valley, locality).", entry);
            var point = RequirePoint(dto.Point, "point", entry);
            if (point is not null && dto.PointSource is not ("geonames" or "estimate"))
                throw new GazetteerDataException($"Its pointSource '{dto.PointSource}' is neither 'geonames' nor 'estimate'.", entry);
            if (point is null && dto.PointSource is not null)
                throw new GazetteerDataException("It has a pointSource but no point.", entry);
            places.Add(new Place(
                id,
                name,
                dto.District,
                dto.Kind,
                point,
                dto.PointSource,
                Names(dto.Aliases, "alias", entry),
                Names(dto.SharedAliases, "sharedAlias", entry),
                dto.Note));
        }
        return places;
    }

    private static void AddNames<T>(NameIndex<T> index, T item, string name, IReadOnlyList<string> aliases, IReadOnlyList<string> shared)
        where T : class
    {
        index.Add(item, name, NameRole.Name);
        foreach (var alias in aliases)
            index.Add(item, alias, NameRole.Alias);
        foreach (var alias in shared)
            index.Add(item, alias, NameRole.Shared);
    }

    // Two entries of one kind may answer to the same name only if every one of them lists it as shared:
    // an accidental clash (a copy-pasted alias) must fail the load, not make one of them unreachable.
    private static void CheckNames<T>(NameIndex<T> index, string kind, Func<T, string> describe)
        where T : class
    {
        foreach (var (_, entries) in index.Keys)
        {
            if (entries.Count == 1)
            {
                if (entries[0].Role == NameRole.Shared)
                {
                    throw new GazetteerDataException(
                        $"Its sharedAlias '{entries[0].Text}' is not shared with any other {kind}; list it as an alias instead.",
                        describe(entries[0].Item));
                }
                continue;
            }
            var clash = entries.FirstOrDefault(e => e.Role != NameRole.Shared);
            if (clash.Item is not null)
            {
                var other = entries.First(e => !ReferenceEquals(e.Item, clash.Item));
                throw new GazetteerDataException(
                    $"'{clash.Text}' also names {describe(other.Item)}; a name several {kind}s answer to must be a sharedAlias of each of them.",
                    describe(clash.Item));
            }
        }
    }

    private static string RequireSlug(string? id, string entry)
    {
        if (string.IsNullOrEmpty(id))
            throw new GazetteerDataException("It has no id.", entry);
        var valid = id[0] != '-' && id[^1] != '-' && !id.Contains("--", StringComparison.Ordinal)
            && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
        if (!valid)
            throw new GazetteerDataException($"The id '{id}' is not a slug (lower-case letters, digits and single hyphens).", entry);
        return id;
    }

    private static string RequireName(string? name, string entry)
    {
        if (string.IsNullOrWhiteSpace(name) || NameKey.From(name).IsEmpty)
            throw new GazetteerDataException($"Its name '{name}' is empty once normalised.", entry);
        return name;
    }

    private static GeoPoint? RequirePoint(PointDto? dto, string what, string entry)
    {
        if (dto is null)
            return null;
        if (dto.Lat is not { } lat || dto.Lon is not { } lon || !double.IsFinite(lat) || !double.IsFinite(lon))
            throw new GazetteerDataException($"Its {what} needs numeric lat and lon.", entry);
        var point = new GeoPoint(lat, lon);
        if (!PakistanBounds.Contains(point))
        {
            throw new GazetteerDataException(
                FormattableString.Invariant(
                    $"Its {what} ({point}) lies outside Pakistan's bounding box (lat {PakistanBounds.MinLatitude}–{PakistanBounds.MaxLatitude}, lon {PakistanBounds.MinLongitude}–{PakistanBounds.MaxLongitude})."),
                entry);
        }
        return point;
    }

    private static List<string> Names(IReadOnlyList<string?>? names, string what, string entry)
    {
        var result = new List<string>(names?.Count ?? 0);
        foreach (var name in names ?? [])
        {
            if (string.IsNullOrWhiteSpace(name) || NameKey.From(name).IsEmpty)
                throw new GazetteerDataException($"It has an {what} '{name}' that is empty once normalised.", entry);
            result.Add(name);
        }
        return result;
    }

    private static bool IsIsoCode(string code) =>
        code.Length == 5 && code.StartsWith("PK-", StringComparison.Ordinal) && char.IsAsciiLetterUpper(code[3]) && char.IsAsciiLetterUpper(code[4]);

    private static string Describe(string kind, string? id, string? name, int index = -1)
    {
        var what = id is null ? index >= 0 ? $"{kind} #{index + 1}" : kind : $"{kind} '{id}'";
        return string.IsNullOrWhiteSpace(name) ? what : $"{what} ({name})";
    }
}
