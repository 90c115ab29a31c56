namespace EarlyWarning.Gazetteer;

/// <summary>
/// Pakistan's provinces and territories, their districts, and places below district level that
/// reports name, looked up by normalised name (see <see cref="NameKey"/>). Immutable once loaded.
/// </summary>
public sealed partial class Gazetteer
{
    private const string ResourceName = "EarlyWarning.Gazetteer.gazetteer.json";

    private static readonly Lazy<Gazetteer> Shipped = new(LoadShipped);

    private readonly NameIndex<Province> provinceIndex;
    private readonly NameIndex<District> districtIndex;
    private readonly NameIndex<Place> placeIndex;
    private readonly Dictionary<string, Province> provincesById;
    private readonly Dictionary<string, District> districtsById;

    internal Gazetteer(
        GazetteerHeader header,
        IReadOnlyList<Province> provinces,
        IReadOnlyList<District> districts,
        IReadOnlyList<Place> places,
        NameIndex<Province> provinceIndex,
        NameIndex<District> districtIndex,
        NameIndex<Place> placeIndex)
    {
        Header = header;
        Provinces = provinces;
        Districts = districts;
        Places = places;
        this.provinceIndex = provinceIndex;
        this.districtIndex = districtIndex;
        this.placeIndex = placeIndex;
        provincesById = provinces.ToDictionary(p => p.Id, StringComparer.Ordinal);
        districtsById = districts.ToDictionary(d => d.Id, StringComparer.Ordinal);
    }

    /// <summary>The gazetteer shipped in this assembly (<c>Data/gazetteer.json</c>), loaded once on first use.</summary>
    public static Gazetteer Default => Shipped.Value;

    public GazetteerHeader Header { get; }

    public IReadOnlyList<Province> Provinces { get; }

    public IReadOnlyList<District> Districts { get; }

    public IReadOnlyList<Place> Places { get; }

    /// <summary>Reads and validates a gazetteer file.</summary>
    /// <exception cref="GazetteerDataException">The file is malformed; the message names the bad entry.</exception>
    public static Gazetteer Load(Stream json) => GazetteerLoader.Load(json);

    /// <summary>The province or territory with this name or alias ("KPK", "Baluchistan", "AJK" …), or null.</summary>
    public Province? FindProvince(string name)
    {
        var entries = provinceIndex.Find(NameKey.From(name));
        return entries.Count == 1 ? entries[0].Item : null;
    }

    /// <summary>The district with this id, or null.</summary>
    public District? FindDistrictById(string id) => districtsById.GetValueOrDefault(id);

    public Province ProvinceOf(District district) => provincesById[district.ProvinceId];

    public District DistrictOf(Place place) => districtsById[place.DistrictId];

    public IReadOnlyList<District> DistrictsIn(Province province) =>
        Districts.Where(d => d.ProvinceId == province.Id).ToList();

    private static Gazetteer LoadShipped()
    {
        using var stream = typeof(Gazetteer).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{ResourceName}' is missing from {typeof(Gazetteer).Assembly.GetName().Name}.");
        return Load(stream);
    }
}
