using System.Text;
using System.Text.Json.Nodes;
using Xunit;

namespace EarlyWarning.Gazetteer.Tests;

public sealed class GazetteerLoadTests
{
    private const string Minimal = """
        {
          "header": { "title": "test", "asOf": "2025-12-31", "sources": ["made up for a test"] },
          "provinces": [
            { "id": "balochistan", "name": "Balochistan", "isoCode": "PK-BA", "aliases": ["Baluchistan"] }
          ],
          "districts": [
            { "id": "kech", "name": "Kech", "province": "balochistan", "centroid": { "lat": 25.97, "lon": 63.01 }, "centroidSource": "map-shape", "aliases": ["Turbat"] },
            { "id": "gwadar", "name": "Gwadar", "province": "balochistan", "centroid": { "lat": 25.34, "lon": 63.06 }, "centroidSource": "map-shape" }
          ],
          "places": [
            { "id": "tump", "name": "Tump", "district": "kech", "kind": "tehsil", "point": { "lat": 26.12, "lon": 62.37 }, "pointSource": "estimate" }
          ]
        }
        """;

    [Fact]
    public void a_minimal_well_formed_file_loads()
    {
        var gazetteer = Load(Minimal);

        Assert.Equal(2, gazetteer.Districts.Count);
        Assert.Equal("kech", Resolving.Resolved(gazetteer.Resolve("Baluchistan", null, "Tump")).District.Id);
    }

    [Fact]
    public void a_duplicate_district_id_is_rejected_naming_the_entry()
    {
        var error = Rejected(Edit(d => d["districts"]![1]!["id"] = "kech"));

        Assert.Contains("district 'kech' (Gwadar)", error.Message, StringComparison.Ordinal);
        Assert.Contains("used by another district", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void a_district_of_an_unknown_province_is_rejected_naming_the_entry()
    {
        var error = Rejected(Edit(d => d["districts"]![1]!["province"] = "baluchistan"));

        Assert.Contains("district 'gwadar'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'baluchistan'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(12.0, 63.0)]
    [InlineData(25.3, 80.2)]
    [InlineData(63.06, 25.34)]
    public void a_centroid_outside_pakistan_is_rejected_naming_the_entry(double lat, double lon)
    {
        var error = Rejected(Edit(d => d["districts"]![1]!["centroid"] = new JsonObject { ["lat"] = lat, ["lon"] = lon }));

        Assert.Contains("district 'gwadar' (Gwadar)", error.Message, StringComparison.Ordinal);
        Assert.Contains("outside Pakistan", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void a_place_point_outside_pakistan_is_rejected_naming_the_entry()
    {
        var error = Rejected(Edit(d => d["places"]![0]!["point"] = new JsonObject { ["lat"] = 26.12, ["lon"] = 52.37 }));

        Assert.Contains("place 'tump' (Tump)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void a_district_without_a_centroid_is_rejected()
    {
        var error = Rejected(Edit(d => d["districts"]![0]!.AsObject().Remove("centroid")));

        Assert.Contains("district 'kech'", error.Message, StringComparison.Ordinal);
        Assert.Contains("no centroid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void a_place_in_an_unknown_district_is_rejected_naming_the_entry()
    {
        var error = Rejected(Edit(d => d["places"]![0]!["district"] = "turbat"));

        Assert.Contains("place 'tump'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'turbat'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void an_alias_two_districts_answer_to_is_rejected_unless_both_mark_it_shared()
    {
        var clash = Rejected(Edit(d => d["districts"]![1]!["aliases"] = new JsonArray("Turbat")));
        Assert.Contains("'Turbat'", clash.Message, StringComparison.Ordinal);
        Assert.Contains("sharedAlias", clash.Message, StringComparison.Ordinal);

        var shared = Load(Edit(d =>
        {
            d["districts"]![0]!["sharedAliases"] = new JsonArray("Makran");
            d["districts"]![1]!["sharedAliases"] = new JsonArray("Makran");
        }));
        Assert.Equal(2, Resolving.Unresolved(shared.Resolve(null, "Makran", null), ResolutionFailure.Ambiguous).Candidates.Count);
    }

    [Fact]
    public void a_district_named_like_another_districts_alias_is_rejected()
    {
        var error = Rejected(Edit(d => d["districts"]![1]!["name"] = "Turbat"));

        Assert.Contains("'Turbat'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void a_shared_alias_nobody_else_shares_is_rejected()
    {
        var error = Rejected(Edit(d => d["districts"]![0]!["sharedAliases"] = new JsonArray("Makran")));

        Assert.Contains("district 'kech'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Makran'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void a_misspelled_member_is_rejected_rather_than_ignored()
    {
        var error = Rejected(Edit(d =>
        {
            var gwadar = d["districts"]![1]!.AsObject();
            gwadar["centriod"] = gwadar["centroid"]!.DeepClone();
        }));

        Assert.Contains("centriod", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void a_header_without_sources_is_rejected()
    {
        var error = Rejected(Edit(d => d["header"]!["sources"] = new JsonArray()));

        Assert.Contains("sources", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{ \"header\": ")]
    [InlineData("null")]
    public void text_that_is_not_a_gazetteer_is_rejected(string text) => Rejected(text);

    [Fact]
    public void the_shipped_file_goes_through_the_same_checks()
    {
        using var shipped = typeof(Gazetteer).Assembly.GetManifestResourceStream("EarlyWarning.Gazetteer.gazetteer.json")!;
        var document = JsonNode.Parse(shipped)!;
        var districts = document["districts"]!.AsArray();
        var copy = districts[0]!.DeepClone();
        copy["name"] = "A Second Awaran";
        districts.Add(copy);

        var error = Rejected(document.ToJsonString());

        Assert.Contains("district 'awaran' (A Second Awaran)", error.Message, StringComparison.Ordinal);
    }

    private static string Edit(Action<JsonNode> change)
    {
        var document = JsonNode.Parse(Minimal)!;
        change(document);
        return document.ToJsonString();
    }

    private static Gazetteer Load(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return Gazetteer.Load(stream);
    }

    private static GazetteerDataException Rejected(string json) =>
        Assert.Throws<GazetteerDataException>(() => Load(json));
}
