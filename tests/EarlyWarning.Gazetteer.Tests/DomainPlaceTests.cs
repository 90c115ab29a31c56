using Xunit;

namespace EarlyWarning.Gazetteer.Tests;

/// <summary>The places named in source-analysis-balochistan-2026 all land in the right Balochistan district.</summary>
public sealed class DomainPlaceTests
{
    public static TheoryData<string, string> DomainPlaces => new()
    {
        { "Quetta", "quetta" },
        { "Gwadar", "gwadar" },
        { "Kalat", "kalat" },
        { "Kharan", "kharan" },
        { "Noshki", "nushki" },
        { "Bagh", "kachhi" },
        { "Jhal Magsi", "jhal-magsi" },
        { "Panjgur", "panjgur" },
        { "Tasp", "panjgur" },
        { "Nag", "washuk" },
        { "Mashkeel", "washuk" },
        { "Mashkel", "washuk" },
        { "Tump", "kech" },
        { "Sherani", "sherani" },
        { "Mastung", "mastung" },
    };

    [Theory]
    [MemberData(nameof(DomainPlaces))]
    public void a_place_the_report_names_resolves_to_its_balochistan_district(string name, string districtId)
    {
        var location = Resolving.Resolved(Gazetteer.Default.Resolve("Baluchistan", null, name));

        Assert.Equal("balochistan", location.Province.Id);
        Assert.Equal(districtId, location.District.Id);
    }

    [Theory]
    [MemberData(nameof(DomainPlaces))]
    public void the_same_name_reported_in_the_district_field_resolves_the_same(string name, string districtId)
    {
        var location = Resolving.Resolved(Gazetteer.Default.Resolve("Balochistan", name, null));

        Assert.Equal(districtId, location.District.Id);
    }

    [Fact]
    public void a_place_with_a_known_point_uses_it_and_says_so()
    {
        var location = Resolving.Resolved(Gazetteer.Default.Resolve("Balochistan", "Kech", "Turbat"));

        Assert.Equal("turbat", location.Place?.Id);
        Assert.Equal(PointSource.Place, location.PointSource);
        Assert.Equal(26.0, location.Point.Latitude, 1);
        Assert.Equal(63.05, location.Point.Longitude, 1);
        Assert.Equal(GazetteerMatch.Exact, location.Match);
    }

    [Fact]
    public void a_place_without_a_known_point_falls_back_to_its_district_centroid()
    {
        var location = Resolving.Resolved(Gazetteer.Default.Resolve(null, null, "Nag"));

        Assert.Equal("nag", location.Place?.Id);
        Assert.Equal(PointSource.DistrictCentroid, location.PointSource);
        Assert.Equal(location.District.Centroid, location.Point);
        Assert.Equal(GazetteerMatch.Place, location.Match);
    }

    [Fact]
    public void a_district_alone_is_placed_at_its_centroid()
    {
        var location = Resolving.Resolved(Gazetteer.Default.Resolve("Balochistan", "Washuk", null));

        Assert.Null(location.Place);
        Assert.Equal(PointSource.DistrictCentroid, location.PointSource);
        Assert.Equal(location.District.Centroid, location.Point);
    }
}
