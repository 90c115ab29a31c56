using Xunit;

namespace EarlyWarning.Gazetteer.Tests;

public sealed class ResolutionFailureTests
{
    private static readonly Gazetteer Data = Gazetteer.Default;

    [Theory]
    [InlineData("Kalaat", "Kalat")]
    [InlineData("Panjgurr", "Panjgur")]
    [InlineData("Mastang", "Mastung")]
    [InlineData("Khuzdaar", "Khuzdar")]
    public void an_unknown_district_is_named_in_the_reason_and_the_near_miss_is_suggested(string typed, string meant)
    {
        var failure = Resolving.Unresolved(Data.Resolve("Balochistan", typed, null), ResolutionFailure.UnknownDistrict);

        Assert.Contains($"'{typed}'", failure.Reason, StringComparison.Ordinal);
        Assert.Contains(meant, failure.Suggestions);
        Assert.True(failure.Suggestions.Count <= 3);
    }

    [Fact]
    public void an_unknown_place_is_named_in_the_reason()
    {
        var failure = Resolving.Unresolved(Data.Resolve(null, null, "Zzyzx"), ResolutionFailure.UnknownPlace);

        Assert.Contains("'Zzyzx'", failure.Reason, StringComparison.Ordinal);
        Assert.Empty(failure.Suggestions);
    }

    [Fact]
    public void a_misspelled_place_suggests_the_place_with_its_district()
    {
        var failure = Resolving.Unresolved(Data.Resolve("Balochistan", null, "Dalbandn"), ResolutionFailure.UnknownPlace);

        Assert.Contains("Dalbandin (Chagai, Balochistan)", failure.Suggestions);
    }

    [Fact]
    public void an_unknown_province_is_named_and_the_near_miss_suggested()
    {
        var failure = Resolving.Unresolved(Data.Resolve("Baluchistaan", "Quetta", null), ResolutionFailure.UnknownProvince);

        Assert.Contains("'Baluchistaan'", failure.Reason, StringComparison.Ordinal);
        Assert.Contains("Balochistan", failure.Suggestions);
    }

    [Fact]
    public void a_district_in_the_wrong_province_fails_and_says_where_it_is()
    {
        var failure = Resolving.Unresolved(Data.Resolve("Khyber Pakhtunkhwa", "Quetta", null), ResolutionFailure.WrongProvince);

        Assert.Contains("Quetta", failure.Reason, StringComparison.Ordinal);
        Assert.Contains("not in Khyber Pakhtunkhwa", failure.Reason, StringComparison.Ordinal);
        Assert.Contains("Balochistan", failure.Reason, StringComparison.Ordinal);
        Assert.Contains(failure.Candidates, c => c.District.Id == "quetta");
    }

    [Fact]
    public void a_place_in_the_wrong_province_fails_and_says_where_it_is()
    {
        var failure = Resolving.Unresolved(Data.Resolve("Punjab", null, "Tump"), ResolutionFailure.WrongProvince);

        Assert.Contains("Tump in Kech (Balochistan)", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void bagh_without_a_province_is_ambiguous_between_azad_kashmir_and_balochistan()
    {
        var failure = Resolving.Unresolved(Data.Resolve(null, null, "Bagh"), ResolutionFailure.Ambiguous);

        Assert.Contains("'Bagh'", failure.Reason, StringComparison.Ordinal);
        Assert.Contains(failure.Candidates, c => c.District.Id == "bagh" && c.Province.Id == "azad-jammu-and-kashmir");
        Assert.Contains(failure.Candidates, c => c.District.Id == "kachhi" && c.Place?.Id == "bhag");
        Assert.Equal(2, failure.Candidates.Count);
    }

    [Theory]
    [InlineData("Balochistan", "kachhi")]
    [InlineData("AJK", "bagh")]
    public void bagh_with_a_province_resolves_to_that_provinces_bagh(string province, string districtId) =>
        Assert.Equal(districtId, Resolving.Resolved(Data.Resolve(province, null, "Bagh")).District.Id);

    [Fact]
    public void bagh_in_the_district_field_means_the_azad_kashmir_district_unless_the_province_says_otherwise()
    {
        Assert.Equal("bagh", Resolving.Resolved(Data.Resolve(null, "Bagh", null)).District.Id);

        var balochistan = Resolving.Resolved(Data.Resolve("Balochistan", "Bagh", null));
        Assert.Equal("kachhi", balochistan.District.Id);
        Assert.Equal(GazetteerMatch.Place, balochistan.Match);
    }

    [Theory]
    [InlineData("South Waziristan", "upper-south-waziristan", "lower-south-waziristan")]
    [InlineData("Chitral", "upper-chitral", "lower-chitral")]
    [InlineData("Karachi", "karachi-south", "malir")]
    public void a_split_districts_old_name_alone_is_ambiguous_and_lists_the_parts(string name, string oneDistrict, string another)
    {
        var failure = Resolving.Unresolved(Data.Resolve(null, name, null), ResolutionFailure.Ambiguous);

        Assert.Contains($"'{name}'", failure.Reason, StringComparison.Ordinal);
        Assert.Contains(failure.Candidates, c => c.District.Id == oneDistrict);
        Assert.Contains(failure.Candidates, c => c.District.Id == another);
    }

    [Fact]
    public void a_known_place_in_another_district_of_the_province_is_a_contradiction()
    {
        var failure = Resolving.Unresolved(Data.Resolve("Balochistan", "Gwadar", "Tump"), ResolutionFailure.PlaceNotInDistrict);

        Assert.Contains("'Tump' is in Kech, not in Gwadar", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void another_district_of_the_province_in_the_place_field_is_a_contradiction()
    {
        var failure = Resolving.Unresolved(Data.Resolve("Balochistan", "Kech", "Sherani"), ResolutionFailure.PlaceNotInDistrict);

        Assert.Contains("'Sherani' is in Sherani, not in Kech", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void a_namesake_in_another_province_does_not_contradict_the_district()
    {
        var location = Resolving.Resolved(Data.Resolve("Khyber Pakhtunkhwa", "Swat", "Bagh"));

        Assert.Equal("swat", location.District.Id);
        Assert.Equal("Bagh", location.UnresolvedPlace);
    }

    [Fact]
    public void an_unknown_village_in_a_known_district_stays_at_district_level_and_keeps_its_name()
    {
        var location = Resolving.Resolved(Data.Resolve("Balochistan", "Kech", "Dasht Kuddan"));

        Assert.Equal("kech", location.District.Id);
        Assert.Null(location.Place);
        Assert.Equal("Dasht Kuddan", location.UnresolvedPlace);
        Assert.Equal(PointSource.DistrictCentroid, location.PointSource);
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("  ", "", null)]
    [InlineData("Balochistan", null, " ")]
    public void without_a_district_or_place_there_is_nothing_to_place(string? province, string? district, string? place) =>
        Resolving.Unresolved(Data.Resolve(province, district, place), ResolutionFailure.Missing);
}
