using Xunit;

namespace EarlyWarning.Gazetteer.Tests;

public sealed class ShippedDataTests
{
    private static readonly Gazetteer Data = Gazetteer.Default;

    // Every current district of Balochistan (36: the 2023 census list plus the districts notified since).
    private static readonly string[] BalochistanNames =
    [
        "Awaran", "Barkhan", "Chagai", "Chaman", "Dera Bugti", "Duki", "Gwadar", "Harnai", "Hub",
        "Jaffarabad", "Jhal Magsi", "Kachhi", "Kalat", "Kech", "Kharan", "Khuzdar", "Killa Abdullah",
        "Killa Saifullah", "Kohlu", "Lasbela", "Loralai", "Mastung", "Musakhel", "Nasirabad", "Nushki",
        "Panjgur", "Pishin", "Quetta", "Sherani", "Sibi", "Sohbatpur", "Surab", "Usta Muhammad", "Washuk",
        "Zhob", "Ziarat",
    ];

    // Every current district of Khyber Pakhtunkhwa, with the merged tribal districts and the newer splits.
    private static readonly string[] KhyberPakhtunkhwaNames =
    [
        "Abbottabad", "Bajaur", "Bannu", "Battagram", "Buner", "Central Dir", "Charsadda", "Dera Ismail Khan",
        "Hangu", "Haripur", "Karak", "Khyber", "Kohat", "Kolai-Palas", "Kurram", "Lakki Marwat",
        "Lower Chitral", "Lower Dir", "Lower Kohistan", "Lower South Waziristan", "Malakand", "Mansehra",
        "Mardan", "Mohmand", "North Waziristan", "Nowshera", "Orakzai", "Peshawar", "Shangla", "Swabi",
        "Swat", "Tank", "Torghar", "Upper Chitral", "Upper Dir", "Upper Kohistan", "Upper South Waziristan",
    ];

    public static TheoryData<string> BalochistanDistricts => new(BalochistanNames);

    public static TheoryData<string> KhyberPakhtunkhwaDistricts => new(KhyberPakhtunkhwaNames);

    [Fact]
    public void the_shipped_file_names_its_sources_and_says_centroids_are_approximate()
    {
        Assert.NotEmpty(Data.Header.Sources);
        Assert.Contains(Data.Header.Sources, s => s.Contains("GeoNames", StringComparison.Ordinal));
        Assert.Contains(Data.Header.Sources, s => s.Contains("@svg-maps/pakistan.districts", StringComparison.Ordinal));
        Assert.Contains("approximate", Data.Header.Note, StringComparison.OrdinalIgnoreCase);
        Assert.True(Data.Header.AsOf >= new DateOnly(2025, 1, 1));
    }

    [Fact]
    public void all_seven_provinces_and_territories_are_there_with_their_iso_codes()
    {
        var codes = Data.Provinces.ToDictionary(p => p.Id, p => p.IsoCode);
        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["balochistan"] = "PK-BA",
                ["khyber-pakhtunkhwa"] = "PK-KP",
                ["punjab"] = "PK-PB",
                ["sindh"] = "PK-SD",
                ["islamabad-capital-territory"] = "PK-IS",
                ["gilgit-baltistan"] = "PK-GB",
                ["azad-jammu-and-kashmir"] = "PK-JK",
            },
            codes);
    }

    [Theory]
    [InlineData("balochistan", 34)]
    [InlineData("khyber-pakhtunkhwa", 34)]
    [InlineData("punjab", 36)]
    [InlineData("sindh", 29)]
    [InlineData("islamabad-capital-territory", 1)]
    [InlineData("gilgit-baltistan", 10)]
    [InlineData("azad-jammu-and-kashmir", 10)]
    public void each_province_has_at_least_its_expected_number_of_districts(string provinceId, int atLeast) =>
        Assert.True(
            Data.Districts.Count(d => d.ProvinceId == provinceId) >= atLeast,
            $"{provinceId} has {Data.Districts.Count(d => d.ProvinceId == provinceId)} districts, expected at least {atLeast}.");

    [Theory]
    [MemberData(nameof(BalochistanDistricts))]
    public void every_balochistan_district_is_present_with_a_centroid_inside_the_province(string name) =>
        AssertDistrictIn(name, "balochistan");

    [Theory]
    [MemberData(nameof(KhyberPakhtunkhwaDistricts))]
    public void every_khyber_pakhtunkhwa_district_is_present_with_a_centroid_inside_the_province(string name) =>
        AssertDistrictIn(name, "khyber-pakhtunkhwa");

    [Fact]
    public void the_balochistan_and_khyber_pakhtunkhwa_lists_are_complete_both_ways()
    {
        Assert.Equal(
            BalochistanNames.Order(StringComparer.Ordinal),
            Data.Districts.Where(d => d.ProvinceId == "balochistan").Select(d => d.Name).Order(StringComparer.Ordinal));
        Assert.Equal(
            KhyberPakhtunkhwaNames.Order(StringComparer.Ordinal),
            Data.Districts.Where(d => d.ProvinceId == "khyber-pakhtunkhwa").Select(d => d.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void every_district_centroid_lies_inside_its_provinces_box()
    {
        var outside = Data.Districts
            .Where(d => !ProvinceBox.For(d.ProvinceId).Contains(d.Centroid))
            .Select(d => $"{d.Id} {d.Centroid}")
            .ToList();
        Assert.Empty(outside);
    }

    [Fact]
    public void every_place_point_lies_inside_its_provinces_box_and_near_its_district()
    {
        var wrong = Data.Places
            .Where(p => p.Point is not null)
            .Select(p => (Place: p, District: Data.DistrictOf(p)))
            .Where(x => !ProvinceBox.For(x.District.ProvinceId).Contains(x.Place.Point!.Value)
                        || Degrees(x.Place.Point!.Value, x.District.Centroid) > 2.0)
            .Select(x => $"{x.Place.Id} {x.Place.Point} in {x.District.Id} {x.District.Centroid}")
            .ToList();
        Assert.Empty(wrong);
    }

    [Fact]
    public void every_district_points_to_a_map_shape_and_says_so_where_the_map_differs()
    {
        Assert.All(Data.Districts, d => Assert.False(string.IsNullOrWhiteSpace(d.SvgMapId), d.Id));
        Assert.All(
            Data.Districts.Where(d => d.CentroidSource == "representative-point"),
            d => Assert.False(string.IsNullOrWhiteSpace(d.SvgMapNote), $"{d.Id} has a hand-placed centroid but no svgMapNote"));
    }

    [Fact]
    public void every_place_without_a_point_explains_why()
    {
        Assert.All(
            Data.Places.Where(p => p.Point is null),
            p => Assert.False(string.IsNullOrWhiteSpace(p.Note), $"{p.Id} has no point and no note"));
    }

    private static void AssertDistrictIn(string name, string provinceId)
    {
        var district = Assert.Single(Data.Districts, d => d.Name == name);
        Assert.Equal(provinceId, district.ProvinceId);
        Assert.True(
            ProvinceBox.For(provinceId).Contains(district.Centroid),
            $"{district.Id}'s centroid {district.Centroid} is outside {provinceId}'s box.");
    }

    private static double Degrees(GeoPoint a, GeoPoint b) =>
        Math.Sqrt(Math.Pow(a.Latitude - b.Latitude, 2) + Math.Pow((a.Longitude - b.Longitude) * Math.Cos(a.Latitude * Math.PI / 180), 2));
}
