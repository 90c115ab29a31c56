using System.Net;
using EarlyWarning.Partners.Registry;
using EarlyWarning.Partners.Tests.Admin;
using EarlyWarning.Testing;

namespace EarlyWarning.Partners.Tests.Registry;

/// <summary>Two instances of the service on one store: a partner registered, rotated or removed on one takes effect on the other.</summary>
public sealed class PartnerRegistryLiveTests : IAsyncLifetime
{
    private static readonly TimeSpan Moments = TimeSpan.FromSeconds(15);

    private AdminApp _first = null!;
    private AdminApp _second = null!;

    public async Task InitializeAsync()
    {
        _first = await AdminApp.StartAsync();
        _second = await AdminApp.StartAsync(_first.StorePath);
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAndDeleteAsync();
    }

    [Fact]
    public async Task another_instance_accepts_a_registered_key_then_refuses_it_once_rotated_and_once_removed()
    {
        var changes = new List<PartnerChangedEventArgs>();
        _second.Get<PartnerRegistry>().Changed += (_, change) => { lock (changes) changes.Add(change); };

        var key = await _first.RegisterAsync(AdminApp.Body("ndma"));
        await Eventually.TrueAsync(async () => await _second.FeedStatusAsync(key) == HttpStatusCode.OK, Moments, "the second instance to accept the new partner's key");
        Assert.Equal("balochistan", Assert.Single(_second.Get<PartnerRegistry>().Find("NDMA")!.Entitlement.Provinces));

        using (var rotated = await _first.SendAsync(HttpMethod.Post, "/api/admin/partners/ndma/key", AdminApp.Admin))
            Assert.Equal(HttpStatusCode.Created, rotated.StatusCode);
        await Eventually.TrueAsync(async () => await _second.FeedStatusAsync(key) == HttpStatusCode.Unauthorized, Moments, "the second instance to refuse the rotated key");

        var again = await _second.RegisterAsync(AdminApp.Body("kp-ngo", "khyber-pakhtunkhwa"));
        using (var removed = await _first.SendAsync(HttpMethod.Delete, "/api/admin/partners/kp-ngo", AdminApp.Admin))
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        await Eventually.TrueAsync(async () => await _second.FeedStatusAsync(again) == HttpStatusCode.Unauthorized, Moments, "the second instance to refuse the removed partner's key");

        lock (changes)
            Assert.Equal([("ndma", true), ("ndma", true), ("kp-ngo", true), ("kp-ngo", false)], changes.Select(c => (c.Name, c.Partner is not null)));
    }

    [Fact]
    public async Task an_instance_started_later_accepts_the_keys_registered_before_from_its_first_request()
    {
        var key = await _first.RegisterAsync(AdminApp.Body("ndma"));
        var rotatedAway = await _first.RegisterAsync(AdminApp.Body("pdma"));
        using (var rotated = await _first.SendAsync(HttpMethod.Post, "/api/admin/partners/pdma/key", AdminApp.Admin))
            Assert.Equal(HttpStatusCode.Created, rotated.StatusCode);

        await using var third = await AdminApp.StartAsync(_first.StorePath);

        Assert.Equal(HttpStatusCode.OK, await third.FeedStatusAsync(key));
        Assert.Equal(HttpStatusCode.Unauthorized, await third.FeedStatusAsync(rotatedAway));
    }

    [Fact]
    public async Task a_stored_partner_whose_name_is_now_configured_is_ignored_and_configuration_wins()
    {
        var key = await _first.RegisterAsync(AdminApp.Body("ndma"));
        var settings = new Dictionary<string, string?>
        {
            ["Partners:4:Name"] = "ndma",
            ["Partners:4:KeySha256"] = ServiceDefaults.Security.ApiKeys.Hash("ew_test_configured_ndma"),
            ["Partners:4:Provinces:0"] = "punjab",
            ["Partners:4:Kinds:0"] = "incidents",
        };

        await using var configured = await AdminApp.StartAsync(_first.StorePath, settings);

        Assert.Equal(HttpStatusCode.Unauthorized, await configured.FeedStatusAsync(key));
        Assert.Equal(HttpStatusCode.OK, await configured.FeedStatusAsync("ew_test_configured_ndma"));
        Assert.Equal(["punjab"], configured.Get<PartnerRegistry>().Find("ndma")!.Entitlement.Provinces);
    }
}
