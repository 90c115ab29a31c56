using EarlyWarning.Partners.Entitlements;
using EarlyWarning.Partners.Registry;
using EarlyWarning.ServiceDefaults.Security;
using Microsoft.Extensions.Configuration;

namespace EarlyWarning.Partners.Tests.Registry;

public sealed class PartnerRegistryTests
{
    private static readonly string Hash = ApiKeys.Hash("ew_partner_key");

    private static Dictionary<string, string?> Valid() => new()
    {
        ["Partners:0:Name"] = "ndma",
        ["Partners:0:KeySha256"] = Hash,
        ["Partners:0:Provinces:0"] = "balochistan",
        ["Partners:0:Kinds:0"] = "warnings",
    };

    private static (PartnerRegistry Registry, IReadOnlyList<ApiKeyEntry> Keys) Read(Dictionary<string, string?> settings) =>
        PartnerRegistry.From(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), Gazetteer.Gazetteer.Default);

    [Fact]
    public void a_partner_is_read_with_its_entitlement_and_a_partner_scoped_key()
    {
        var settings = Valid();
        settings["Partners:0:Kinds:1"] = "incidents";
        settings["Partners:0:MinimumSeverity"] = "Severe";
        settings["Partners:0:Point:Latitude"] = "26.0012";
        settings["Partners:0:Point:Longitude"] = "63.0485";
        settings["Partners:0:Point:RadiusKm"] = "25";
        settings["Partners:0:Allow:Notes"] = "true";

        var (registry, keys) = Read(settings);

        var partner = Assert.Single(registry.Partners);
        Assert.Equal("ndma", partner.Name);
        Assert.Equal(["balochistan"], partner.Entitlement.Provinces);
        Assert.Equal([EventKinds.Warnings, EventKinds.Incidents], partner.Entitlement.Kinds);
        Assert.Equal("Severe", partner.Entitlement.MinimumSeverity);
        Assert.Equal(25, partner.Entitlement.Area!.RadiusKm);
        Assert.Equal(new Allow(SourceIdentities: false, Notes: true), partner.Entitlement.Allow);
        var key = Assert.Single(keys);
        Assert.Equal(new[] { ApiScopes.Partner }, key.Scopes);
        Assert.Equal(Hash, key.Sha256);
        Assert.Same(partner, registry.Find(new ApiCaller("ndma", new HashSet<string> { ApiScopes.Partner })));
        Assert.Null(registry.Find(new ApiCaller("ndma", new HashSet<string> { ApiScopes.Operator })));
    }

    [Fact]
    public void no_partners_configured_is_an_empty_registry() =>
        Assert.Empty(Read([]).Registry.Partners);

    [Theory]
    [InlineData("Partners:0:Name", "", "Partners:0:Name")]
    [InlineData("Partners:0:Name", "nd ma", "Partners:0:Name")]
    [InlineData("Partners:0:KeySha256", "abc", "Partners:0 ('ndma'):KeySha256")]
    [InlineData("Partners:0:Provinces:0", "punjab-ish", "Partners:0 ('ndma'):Provinces 'punjab-ish'")]
    [InlineData("Partners:0:Provinces:0", null, "Partners:0 ('ndma'):Provinces an entitlement needs provinces, a point, or both")]
    [InlineData("Partners:0:Kinds:0", "reports", "Partners:0 ('ndma'):Kinds")]
    [InlineData("Partners:0:Kinds:0", null, "Partners:0 ('ndma'):Kinds")]
    [InlineData("Partners:0:MinimumSeverity", "High", "Partners:0 ('ndma'):MinimumSeverity 'High'")]
    [InlineData("Partners:0:Point:Latitude", "91", "Partners:0 ('ndma'):Point:Latitude")]
    [InlineData("Partners:0:Point:RadiusKm", "-1", "Partners:0 ('ndma'):Point:RadiusKm")]
    [InlineData("Partners:0:Point:Longitude", "east", "Partners:0 ('ndma'):Point:Longitude 'east' is not a number")]
    [InlineData("Partners:0:Allow:SourceIdentities", "yes", "Partners:0 ('ndma'):Allow:SourceIdentities")]
    public void a_malformed_setting_stops_the_service_with_its_path(string key, string? value, string message)
    {
        var settings = Valid();
        if (key.StartsWith("Partners:0:Point:", StringComparison.Ordinal))
        {
            settings["Partners:0:Point:Latitude"] = "26";
            settings["Partners:0:Point:Longitude"] = "63";
            settings["Partners:0:Point:RadiusKm"] = "25";
        }
        if (value is null)
            settings.Remove(key);
        else
            settings[key] = value;

        var error = Assert.Throws<ArgumentException>(() => Read(settings));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void every_mistake_of_an_entry_is_named_at_once()
    {
        var settings = Valid();
        settings["Partners:0:Kinds:0"] = "reports";
        settings["Partners:0:MinimumSeverity"] = "High";

        var error = Assert.Throws<ArgumentException>(() => Read(settings)).Message;

        Assert.Contains("Partners:0 ('ndma'):Kinds", error, StringComparison.Ordinal);
        Assert.Contains("Partners:0 ('ndma'):MinimumSeverity 'High'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ndma")]
    [InlineData("NDMA")]
    public void a_partner_may_not_take_the_name_of_a_configured_key(string keyName)
    {
        var settings = Valid();
        settings["Auth:Keys:0:Name"] = "duty-officer";
        settings["Auth:Keys:1:Name"] = keyName;

        var error = Assert.Throws<ArgumentException>(() => Read(settings));

        Assert.Contains("Partners:0:Name 'ndma' is also the name of the key Auth:Keys:1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void two_partners_may_not_share_a_name_or_a_key()
    {
        var settings = Valid();
        settings["Partners:1:Name"] = "NDMA";
        settings["Partners:1:KeySha256"] = ApiKeys.Hash("another");
        settings["Partners:1:Provinces:0"] = "balochistan";
        settings["Partners:1:Kinds:0"] = "warnings";
        Assert.Contains("Partners:1:Name 'NDMA' is used by another partner", Assert.Throws<ArgumentException>(() => Read(settings)).Message, StringComparison.Ordinal);

        settings["Partners:1:Name"] = "pdma";
        settings["Partners:1:KeySha256"] = Hash;
        Assert.Contains("Partners:1:KeySha256", Assert.Throws<ArgumentException>(() => Read(settings)).Message, StringComparison.Ordinal);
    }
}
