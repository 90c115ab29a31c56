namespace EarlyWarning.Gazetteer;

public sealed partial class Gazetteer
{
    private const int MaxSuggestions = 3;

    /// <summary>
    /// Places a reported location: the province (optional), the district, and the place below district
    /// level, each as the report spelled it. Either a district or a place is needed. A town reported
    /// as the district ("Turbat") is placed through the town; a name several locations share ("Bagh",
    /// "South Waziristan") needs the province, district or place that settles it.
    /// </summary>
    public GazetteerResolution Resolve(string? province, string? district, string? place)
    {
        var provinceText = Given(province);
        var districtText = Given(district);
        var placeText = Given(place);

        Province? scope = null;
        if (provinceText is not null)
        {
            scope = FindProvince(provinceText);
            if (scope is null)
            {
                return Unresolved(
                    ResolutionFailure.UnknownProvince,
                    $"Unknown province or territory '{provinceText}'.",
                    Suggest(provinceText, ProvinceNames()));
            }
        }
        if (districtText is null && placeText is null)
        {
            return Unresolved(
                ResolutionFailure.Missing,
                scope is null
                    ? "No province, district or place was given: there is nothing to place."
                    : $"Only a province ({scope.Name}) was given; a location needs a district or a place.");
        }
        return districtText is not null
            ? ResolveDistrict(scope, districtText, placeText)
            : ResolvePlace(scope, placeText!);
    }

    private GazetteerResolution ResolveDistrict(Province? scope, string text, string? placeText)
    {
        var key = NameKey.From(text);
        var named = districtIndex.Find(key);
        var inScope = named.Where(e => InScope(scope, e.Item)).ToList();
        if (inScope.Count == 1)
        {
            var match = inScope[0].Role == NameRole.Name ? GazetteerMatch.Exact : GazetteerMatch.Alias;
            return WithPlace(inScope[0].Item, match, placeText);
        }
        if (inScope.Count > 1)
        {
            // Only a shared alias gets here (the name of a district since split); a place inside one of the parts settles it.
            var candidates = inScope.Select(e => e.Item).ToList();
            if (placeText is not null)
            {
                var inside = PlacesNamed(NameKey.From(placeText)).Where(p => candidates.Any(d => d.Id == p.DistrictId)).ToList();
                if (inside.Select(p => p.DistrictId).Distinct().Count() == 1)
                    return new LocationResolved(Locate(DistrictOf(inside[0]), Best(inside), GazetteerMatch.Place));
            }
            return Unresolved(
                ResolutionFailure.Ambiguous,
                $"District '{text}' is ambiguous: it names {Join(candidates.Select(d => d.Name))}. Give the current district, or a place in it.",
                candidates: candidates.Select(d => Locate(d, null, GazetteerMatch.Alias)).ToList());
        }

        // A town or tehsil reported in the district field ("Turbat", "Bagh", "Mir Ali").
        var standIns = PlacesNamed(key).Where(p => InScope(scope, DistrictOf(p))).ToList();
        if (standIns.Count > 0)
        {
            var districts = standIns.Select(p => p.DistrictId).Distinct().ToList();
            if (districts.Count > 1)
            {
                return Unresolved(
                    ResolutionFailure.Ambiguous,
                    $"'{text}' is not a district, and the places of that name lie in several districts: {Join(standIns.Select(DescribePlace))}. Give the district.",
                    candidates: standIns.Select(p => Locate(DistrictOf(p), p, GazetteerMatch.Place)).ToList());
            }
            return WithPlace(DistrictOf(standIns[0]), GazetteerMatch.Place, placeText, Best(standIns));
        }

        if (scope is not null)
        {
            var elsewhere = OnePerDistrict(
                named.Select(e => Locate(e.Item, null, e.Role == NameRole.Name ? GazetteerMatch.Exact : GazetteerMatch.Alias))
                    .Concat(PlacesNamed(key).Select(p => Locate(DistrictOf(p), p, GazetteerMatch.Place))),
                preferPlaces: false);
            if (elsewhere.Count > 0)
            {
                return Unresolved(
                    ResolutionFailure.WrongProvince,
                    $"District '{text}' is not in {scope.Name}: {Join(elsewhere.Select(DescribeLocation))}.",
                    candidates: elsewhere);
            }
        }
        return Unresolved(
            ResolutionFailure.UnknownDistrict,
            $"Unknown district '{text}'{(scope is null ? "" : $" in {scope.Name}")}.",
            Suggest(text, DistrictNames(scope).Concat(PlaceNames(scope))));
    }

    private GazetteerResolution ResolvePlace(Province? scope, string text)
    {
        var key = NameKey.From(text);

        // Own names and unique aliases first, so the name of a split district ("Chitral", a shared alias)
        // does not compete with the town that still carries it.
        var candidates = Candidates(scope, key, includeShared: false);
        if (candidates.Count == 0)
            candidates = Candidates(scope, key, includeShared: true);

        var shown = OnePerDistrict(candidates);
        if (shown.Count == 1)
            return new LocationResolved(shown[0]);
        if (shown.Count > 1)
        {
            return Unresolved(
                ResolutionFailure.Ambiguous,
                $"Place '{text}' is ambiguous: it could be {Join(shown.Select(DescribeLocation), "or")}. Give the province or the district.",
                candidates: shown);
        }

        if (scope is not null)
        {
            var elsewhere = OnePerDistrict(Candidates(null, key, includeShared: true));
            if (elsewhere.Count > 0)
            {
                return Unresolved(
                    ResolutionFailure.WrongProvince,
                    $"Place '{text}' is not in {scope.Name}: {Join(elsewhere.Select(DescribeLocation))}.",
                    candidates: elsewhere);
            }
        }
        return Unresolved(
            ResolutionFailure.UnknownPlace,
            $"Unknown place '{text}'{(scope is null ? "" : $" in {scope.Name}")}: it is neither a district nor a place the gazetteer lists.",
            Suggest(text, PlaceNames(scope).Concat(DistrictNames(scope))));
    }

    private GazetteerResolution WithPlace(District district, GazetteerMatch match, string? placeText, Place? standIn = null)
    {
        if (placeText is null)
            return new LocationResolved(Locate(district, standIn, match));

        var key = NameKey.From(placeText);
        var places = PlacesNamed(key);
        var inDistrict = places.Where(p => p.DistrictId == district.Id).ToList();
        if (inDistrict.Count > 0)
            return new LocationResolved(Locate(district, Best(inDistrict), match));

        // "Quetta, Quetta": the place field repeating the district adds nothing.
        if (districtIndex.Find(key).Any(e => ReferenceEquals(e.Item, district)))
            return new LocationResolved(Locate(district, standIn, match));

        // A known place or district elsewhere in the same province contradicts the district; another
        // province's place of that name is more likely a namesake village than an error, so it does not count.
        var contradictions = OnePerDistrict(
            places.Where(p => DistrictOf(p).ProvinceId == district.ProvinceId)
                .Select(p => Locate(DistrictOf(p), p, GazetteerMatch.Place))
                .Concat(districtIndex.Find(key)
                    .Where(e => e.Role != NameRole.Shared && e.Item.ProvinceId == district.ProvinceId)
                    .Select(e => Locate(e.Item, null, e.Role == NameRole.Name ? GazetteerMatch.Exact : GazetteerMatch.Alias))));
        if (contradictions.Count > 0)
        {
            return Unresolved(
                ResolutionFailure.PlaceNotInDistrict,
                $"Place '{placeText}' is in {Join(contradictions.Select(c => c.District.Name))}, not in {district.Name}.",
                candidates: contradictions);
        }

        // Not every village can be listed: the district stands, and the name is kept for the record.
        return new LocationResolved(Locate(district, standIn, match, placeText));
    }

    private List<GazetteerLocation> Candidates(Province? scope, NameKey key, bool includeShared)
    {
        var places = placeIndex.Find(key)
            .Where(e => includeShared || e.Role != NameRole.Shared)
            .Where(e => InScope(scope, DistrictOf(e.Item)))
            .Select(e => Locate(DistrictOf(e.Item), e.Item, GazetteerMatch.Place));
        var districts = districtIndex.Find(key)
            .Where(e => includeShared || e.Role != NameRole.Shared)
            .Where(e => InScope(scope, e.Item))
            .Select(e => Locate(e.Item, null, e.Role == NameRole.Name ? GazetteerMatch.Exact : GazetteerMatch.Alias));
        return places.Concat(districts).ToList();
    }

    // One location per district: for a place, the most precise (a place with a point, then any place,
    // then the district itself); for a district, the district itself.
    private static List<GazetteerLocation> OnePerDistrict(IEnumerable<GazetteerLocation> locations, bool preferPlaces = true) =>
        locations
            .GroupBy(l => l.District.Id)
            .Select(g => g.OrderBy(l => (l.Place is null) == preferPlaces).ThenBy(l => l.PointSource != PointSource.Place).First())
            .ToList();

    private List<Place> PlacesNamed(NameKey key) => placeIndex.Find(key).Select(e => e.Item).ToList();

    private GazetteerLocation Locate(District district, Place? place, GazetteerMatch match, string? unresolvedPlace = null)
    {
        var point = place?.Point;
        return new GazetteerLocation(
            ProvinceOf(district),
            district,
            place,
            point ?? district.Centroid,
            point is null ? PointSource.DistrictCentroid : PointSource.Place,
            match,
            unresolvedPlace);
    }

    private static Place Best(IEnumerable<Place> places) => places.OrderBy(p => p.Point is null).First();

    private static bool InScope(Province? scope, District district) => scope is null || district.ProvinceId == scope.Id;

    private IEnumerable<Suggestion> ProvinceNames() =>
        Provinces.SelectMany(p => p.Aliases.Prepend(p.Name).Select(n => new Suggestion(p.Name, n, p.Name)));

    private IEnumerable<Suggestion> DistrictNames(Province? scope) =>
        Districts.Where(d => InScope(scope, d)).SelectMany(d =>
            d.Aliases.Prepend(d.Name).Select(n => new Suggestion(d.Name, n, d.Name))
                .Concat(d.SharedAliases.Select(n => new Suggestion(n, n, n))));

    private IEnumerable<Suggestion> PlaceNames(Province? scope) =>
        Places.Where(p => InScope(scope, DistrictOf(p))).SelectMany(p =>
            p.Aliases.Concat(p.SharedAliases).Prepend(p.Name).Select(n => new Suggestion(DescribePlace(p), n, p.Name)));

    // "Did you mean": the closest known names within a few edits of the normalised text. Ties keep the
    // order given (districts first for a district, places first for a place), and a town named like its
    // district is offered once.
    private static List<string> Suggest(string text, IEnumerable<Suggestion> names)
    {
        var key = NameKey.From(text).Value;
        var tolerance = EditDistance.Tolerance(key.Length);
        return names
            .Select(n => (Name: n, Distance: EditDistance.Between(key, NameKey.From(n.Text).Value)))
            .Where(n => n.Distance <= tolerance)
            .OrderBy(n => n.Distance)
            .DistinctBy(n => NameKey.From(n.Name.Canonical).Value)
            .Select(n => n.Name.Display)
            .Take(MaxSuggestions)
            .ToList();
    }

    private string DescribePlace(Place place)
    {
        var district = DistrictOf(place);
        return $"{place.Name} ({district.Name}, {ProvinceOf(district).Name})";
    }

    private static string DescribeLocation(GazetteerLocation location) =>
        location.Place is null
            ? $"{location.District.Name} district ({location.Province.Name})"
            : $"{location.Place.Name} in {location.District.Name} ({location.Province.Name})";

    private static string Join(IEnumerable<string> items, string last = "and")
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : $"{string.Join(", ", list.Take(list.Count - 1))} {last} {list[^1]}";
    }

    private static string? Given(string? text) => NameKey.From(text).IsEmpty ? null : text!.Trim();

    private static LocationUnresolved Unresolved(
        ResolutionFailure failure,
        string reason,
        IReadOnlyList<string>? suggestions = null,
        IReadOnlyList<GazetteerLocation>? candidates = null) =>
        new(failure, reason, suggestions ?? [], candidates ?? []);
}
