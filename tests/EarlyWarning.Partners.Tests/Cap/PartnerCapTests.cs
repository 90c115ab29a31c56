using System.Net;
using System.Xml.Linq;
using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.Partners.Tests.Admin;
using EarlyWarning.Partners.Tests.Http;
using EarlyWarning.Testing;
using EarlyWarning.Warnings.Tests.Http;

namespace EarlyWarning.Partners.Tests.Cap;

/// <summary>CAP behind keys: an operator reads every warning, a partner exactly the warning versions its entitlement admits.</summary>
public sealed class PartnerCapTests : IAsyncLifetime
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace CapNs = "urn:oasis:names:tc:emergency:cap:1.2";

    private AdminApp _app = null!;
    private string _balochistan = null!;
    private string _kp = null!;
    private string _risesToSevere = null!;

    public async Task InitializeAsync()
    {
        _app = await AdminApp.StartAsync();
        var balochistan = SampleWarnings.Coordinated();
        var kp = SampleWarnings.Coordinated(province: "khyber-pakhtunkhwa");
        var rises = SampleWarnings.Coordinated(severity: CapSeverity.Moderate);
        (_balochistan, _kp, _risesToSevere) = (balochistan.WarningId, kp.WarningId, rises.WarningId);
        await _app.AppendAsync(balochistan, 1);
        await _app.AppendAsync(kp, 1);
        await _app.AppendAsync(balochistan with { Severity = CapSeverity.Extreme }, 2);
        await _app.AppendAsync(rises, 1);
        await _app.AppendAsync(rises with { Severity = CapSeverity.Severe }, 2);
        await Eventually.TrueAsync(async () => (await FeedIdsAsync(TestApiKeys.Operator)).Count == 5, TimeSpan.FromSeconds(15), "the CAP feed to take in every warning event");
    }

    public async Task DisposeAsync() => await _app.DisposeAndDeleteAsync();

    [Fact]
    public async Task an_operator_reads_every_message_in_the_feed()
    {
        var ids = await FeedIdsAsync(TestApiKeys.Operator);

        Assert.Equal([Id(_risesToSevere, 2), Id(_risesToSevere, 1), Id(_balochistan, 2), Id(_kp, 1), Id(_balochistan, 1)], ids);
    }

    [Fact]
    public async Task a_partner_entitled_to_balochistan_warnings_sees_exactly_those_in_the_feed()
    {
        var ids = await FeedIdsAsync(PartnersApp.BalochistanWarnings);

        Assert.Equal([Id(_risesToSevere, 2), Id(_risesToSevere, 1), Id(_balochistan, 2), Id(_balochistan, 1)], ids);
    }

    [Fact]
    public async Task a_partner_registered_over_the_api_with_a_minimum_severity_sees_only_the_versions_at_or_above_it()
    {
        var body = AdminApp.Body("severe-only");
        body["minimumSeverity"] = CapSeverity.Severe;
        var key = await _app.RegisterAsync(body);

        Assert.Equal([Id(_risesToSevere, 2), Id(_balochistan, 2), Id(_balochistan, 1)], await FeedIdsAsync(key));
        // Version 1 was Moderate: not for this partner, and version 2 references no message it never received.
        using (var first = await _app.SendAsync(HttpMethod.Get, $"/api/warnings/{_risesToSevere}/cap?version=1", key))
            await Problem.AssertAsync(first, HttpStatusCode.NotFound, "Unknown version");
        var second = await AlertAsync($"/api/warnings/{_risesToSevere}/cap", key);
        Assert.Equal(Id(_risesToSevere, 2), second.Element(CapNs + "identifier")!.Value);
        Assert.Null(second.Element(CapNs + "references"));
    }

    [Fact]
    public async Task a_warning_a_partner_is_not_entitled_to_is_404_for_it_and_200_for_an_operator()
    {
        using (var refused = await _app.SendAsync(HttpMethod.Get, $"/api/warnings/{_kp}/cap", PartnersApp.BalochistanWarnings))
            await Problem.AssertAsync(refused, HttpStatusCode.NotFound, "Unknown warning");
        using (var unknown = await _app.SendAsync(HttpMethod.Get, "/api/warnings/no-such-warning/cap", PartnersApp.BalochistanWarnings))
            await Problem.AssertAsync(unknown, HttpStatusCode.NotFound, "Unknown warning");

        Assert.Equal(Id(_kp, 1), (await AlertAsync($"/api/warnings/{_kp}/cap", TestApiKeys.Operator)).Element(CapNs + "identifier")!.Value);
        var entitled = await AlertAsync($"/api/warnings/{_balochistan}/cap", PartnersApp.BalochistanWarnings);
        Assert.Equal(Id(_balochistan, 2), entitled.Element(CapNs + "identifier")!.Value);
        Assert.NotNull(entitled.Element(CapNs + "references"));
    }

    [Fact]
    public async Task a_partner_not_entitled_to_warnings_is_403_and_no_key_is_401()
    {
        foreach (var path in new[] { "/api/cap/feed", $"/api/warnings/{_balochistan}/cap" })
        {
            using (var incidentsOnly = await _app.SendAsync(HttpMethod.Get, path, PartnersApp.KpIncidents))
                await Problem.AssertAsync(incidentsOnly, HttpStatusCode.Forbidden, "Not entitled to warnings");
            using (var source = await _app.SendAsync(HttpMethod.Get, path, TestApiKeys.Source))
                await Problem.AssertAsync(source, HttpStatusCode.Forbidden, "Not allowed for this key");
            using (var none = await _app.SendAsync(HttpMethod.Get, path, null))
                await Problem.AssertAsync(none, HttpStatusCode.Unauthorized, "API key required");
        }
    }

    [Fact]
    public async Task an_admin_key_reads_every_warning()
    {
        Assert.Equal(5, (await FeedIdsAsync(AdminApp.Admin)).Count);
    }

    private async Task<List<string>> FeedIdsAsync(string key)
    {
        using var response = await _app.SendAsync(HttpMethod.Get, "/api/cap/feed", key);
        if (response.StatusCode != HttpStatusCode.OK)
            return [];
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        return feed.Elements(Atom + "entry").Select(e => e.Element(Atom + "id")!.Value).ToList();
    }

    private async Task<XElement> AlertAsync(string path, string key)
    {
        using var response = await _app.SendAsync(HttpMethod.Get, path, key);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
    }

    private static string Id(string warningId, int version) => $"urn:earlywarning:warning:{warningId}:{version}";
}
