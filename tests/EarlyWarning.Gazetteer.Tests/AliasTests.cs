using Xunit;

namespace EarlyWarning.Gazetteer.Tests;

public sealed class AliasTests
{
    [Theory]
    [InlineData("Balochistan", "balochistan")]
    [InlineData("Baluchistan", "balochistan")]
    [InlineData("Khyber Pakhtunkhwa", "khyber-pakhtunkhwa")]
    [InlineData("Khyber-Pakhtunkhwa", "khyber-pakhtunkhwa")]
    [InlineData("KP", "khyber-pakhtunkhwa")]
    [InlineData("KPK", "khyber-pakhtunkhwa")]
    [InlineData("NWFP", "khyber-pakhtunkhwa")]
    [InlineData("ICT", "islamabad-capital-territory")]
    [InlineData("Islamabad", "islamabad-capital-territory")]
    [InlineData("GB", "gilgit-baltistan")]
    [InlineData("AJK", "azad-jammu-and-kashmir")]
    [InlineData("AJ&K", "azad-jammu-and-kashmir")]
    [InlineData("Azad Kashmir", "azad-jammu-and-kashmir")]
    [InlineData("Sind", "sindh")]
    public void a_province_is_found_by_its_name_or_a_common_alias(string name, string provinceId) =>
        Assert.Equal(provinceId, Gazetteer.Default.FindProvince(name)?.Id);

    [Theory]
    [InlineData("Dera Ismail Khan", "dera-ismail-khan", GazetteerMatch.Exact)]
    [InlineData("dera ismail khan district", "dera-ismail-khan", GazetteerMatch.Exact)]
    [InlineData("D.I. Khan", "dera-ismail-khan", GazetteerMatch.Alias)]
    [InlineData("DI Khan", "dera-ismail-khan", GazetteerMatch.Alias)]
    [InlineData("D I Khan", "dera-ismail-khan", GazetteerMatch.Alias)]
    [InlineData("Turbat", "kech", GazetteerMatch.Alias)]
    [InlineData("Qila Abdullah", "killa-abdullah", GazetteerMatch.Alias)]
    [InlineData("Qila Saifullah", "killa-saifullah", GazetteerMatch.Alias)]
    [InlineData("Las Bela", "lasbela", GazetteerMatch.Exact)]
    [InlineData("Bolan", "kachhi", GazetteerMatch.Alias)]
    [InlineData("Panjgoor", "panjgur", GazetteerMatch.Alias)]
    [InlineData("Noshki", "nushki", GazetteerMatch.Alias)]
    [InlineData("Naseerabad", "nasirabad", GazetteerMatch.Alias)]
    [InlineData("Jafarabad", "jaffarabad", GazetteerMatch.Alias)]
    [InlineData("Shaheed Sikandarabad", "surab", GazetteerMatch.Alias)]
    [InlineData("Kohistan Upper", "upper-kohistan", GazetteerMatch.Alias)]
    [InlineData("Dir Lower", "lower-dir", GazetteerMatch.Alias)]
    [InlineData("Khyber Agency", "khyber", GazetteerMatch.Exact)]
    [InlineData("Nawabshah", "shaheed-benazirabad", GazetteerMatch.Alias)]
    public void a_district_is_found_by_its_name_or_a_common_spelling(string name, string districtId, GazetteerMatch match)
    {
        var location = Resolving.Resolved(Gazetteer.Default.Resolve(null, name, null));

        Assert.Equal(districtId, location.District.Id);
        Assert.Equal(match, location.Match);
    }

    [Theory]
    [InlineData("KPK", "D.I. Khan", "dera-ismail-khan")]
    [InlineData("Baluchistan", "Qila Abdullah", "killa-abdullah")]
    [InlineData("NWFP", "North Waziristan", "north-waziristan")]
    [InlineData("KP", "Bajaur Agency", "bajaur")]
    public void a_province_alias_and_a_district_alias_resolve_together(string province, string district, string districtId) =>
        Assert.Equal(districtId, Resolving.Resolved(Gazetteer.Default.Resolve(province, district, null)).District.Id);

    [Theory]
    [InlineData("QUETTA")]
    [InlineData("quetta")]
    [InlineData("  Quetta  ")]
    [InlineData("Quetta District")]
    [InlineData("Distt. Quetta")]
    public void case_white_space_and_noise_words_do_not_matter(string name) =>
        Assert.Equal("quetta", Resolving.Resolved(Gazetteer.Default.Resolve("balochistan", name, null)).District.Id);

    [Theory]
    [InlineData("Kēch")]
    [InlineData("KĒCH")]
    [InlineData("Kéch")]
    public void diacritics_do_not_matter(string name) =>
        Assert.Equal("kech", Resolving.Resolved(Gazetteer.Default.Resolve("Balōchistān", name, null)).District.Id);

    [Fact]
    public void a_split_districts_old_name_is_settled_by_a_place_inside_one_part()
    {
        var location = Resolving.Resolved(Gazetteer.Default.Resolve("Khyber Pakhtunkhwa", "South Waziristan", "Wana"));

        Assert.Equal("lower-south-waziristan", location.District.Id);
        Assert.Equal("wana", location.Place?.Id);
    }

    [Fact]
    public void a_town_that_gave_a_split_district_its_name_wins_in_the_place_field()
    {
        var location = Resolving.Resolved(Gazetteer.Default.Resolve(null, null, "Chitral"));

        Assert.Equal("lower-chitral", location.District.Id);
        Assert.Equal("chitral-town", location.Place?.Id);
    }
}
