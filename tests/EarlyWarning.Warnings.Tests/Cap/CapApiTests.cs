using System.Net;
using System.Xml.Linq;
using EarlyWarning.Contracts.Warnings;
using EarlyWarning.ServiceDefaults.Security;
using EarlyWarning.Testing;
using EarlyWarning.Warnings.Tests.Http;
using EarlyWarning.Warnings.Cap;
using static EarlyWarning.Warnings.Tests.Cap.CapSchema;

namespace EarlyWarning.Warnings.Tests.Cap;

public sealed class CapApiTests(CapScenarioApp app) : IClassFixture<CapScenarioApp>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private const string Sender = "earlywarning@test.invalid";

    private async Task<XElement> GetAlertAsync(string path)
    {
        using var response = await app.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(CapAlertWriter.MediaType, response.Content.Headers.ContentType?.MediaType);
        return AssertValid(await response.Content.ReadAsByteArrayAsync(), path).Root!;
    }

    private static string Value(XElement parent, string name) => parent.Element(CapNs + name)?.Value ?? throw new Xunit.Sdk.XunitException($"<{name}> is missing");

    [Fact]
    public async Task every_cap_document_of_every_warning_of_the_scenario_validates_against_the_schema()
    {
        Assert.True(app.WarningEvents.Count >= 10, $"the scenario gave only {app.WarningEvents.Count} warning events");
        Assert.Contains(app.WarningEvents, e => e.Version.MsgType == CapMsgType.Cancel);
        var identifiers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, version) in app.WarningEvents)
        {
            var alert = await GetAlertAsync($"/api/warnings/{version.Warning.WarningId}/cap?version={version.Version}");
            Assert.Equal(version.MsgType, Value(alert, "msgType"));
            Assert.Equal(CapFormat.DateTime(version.KnownAt), Value(alert, "sent"));
            Assert.Equal(Sender, Value(alert, "sender"));
            Assert.Equal(CapStatus.Actual, Value(alert, "status"));
            Assert.True(identifiers.Add(Value(alert, "identifier")), $"identifier {Value(alert, "identifier")} was issued twice");
        }
    }

    [Fact]
    public async Task without_a_version_the_latest_message_of_a_warning_is_answered()
    {
        var latest = app.WarningEvents.GroupBy(e => e.Version.Warning.WarningId).Select(g => g.Last().Version).First(v => v.Version > 1);
        var alert = await GetAlertAsync($"/api/warnings/{latest.Warning.WarningId}/cap");
        Assert.Equal(CapFormat.Identifier(latest.Warning.WarningId, latest.Version), Value(alert, "identifier"));
    }

    [Fact]
    public async Task the_balochistan_coordinated_attack_warning_is_an_alert_then_updates_each_referencing_every_earlier_message()
    {
        // The attacks of the night of 30 January 2026 began at 18:50 UTC.
        var attacksBegan = new DateTimeOffset(2026, 1, 30, 18, 50, 0, TimeSpan.Zero);
        var warningId = Assert.Single(app.WarningEvents.Select(e => e.Version.Warning).Where(w =>
            w.RuleId == "coordinated-attacks" && w.GroupName == "Balochistan" && w.FirstHeldAt >= attacksBegan && w.FirstHeldAt < attacksBegan.AddDays(2))
            .Select(w => w.WarningId).Distinct()).ToString();
        var versions = app.WarningEvents.Where(e => e.Version.Warning.WarningId == warningId).Select(e => e.Version).ToList();
        Assert.True(versions.Count >= 2, $"the warning has only {versions.Count} version(s)");

        var triplets = new List<string>();
        foreach (var version in versions)
        {
            var alert = await GetAlertAsync($"/api/warnings/{warningId}/cap?version={version.Version}");
            var expectedType = version.Version == 1 ? CapMsgType.Alert : version is { MsgType: CapMsgType.Cancel } ? CapMsgType.Cancel : CapMsgType.Update;
            Assert.Equal(expectedType, Value(alert, "msgType"));
            if (version.Version == 1)
                Assert.Null(alert.Element(CapNs + "references"));
            else
                Assert.Equal(string.Join(' ', triplets), Value(alert, "references"));
            Assert.Contains(alert.Element(CapNs + "info")!.Element(CapNs + "area")!.Elements(CapNs + "geocode"), g => Value(g, "value") == "PK-BA");
            triplets.Add($"{Value(alert, "sender")},{Value(alert, "identifier")},{Value(alert, "sent")}");
        }
        Assert.Equal(CapMsgType.Update, versions[1].MsgType);
    }

    [Fact]
    public async Task the_feed_is_atom_with_the_most_recent_messages_newest_first_whose_links_resolve()
    {
        using var response = await app.Http.GetAsync("/api/cap/feed?limit=15");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(AtomFeedWriter.MediaType, response.Content.Headers.ContentType?.MediaType);
        var feed = XDocument.Load(await response.Content.ReadAsStreamAsync()).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        foreach (var name in new[] { "id", "title", "updated", "author" })
            Assert.NotNull(feed.Element(Atom + name));
        var self = Assert.Single(feed.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self");
        Assert.EndsWith("/api/cap/feed?limit=15", (string)self.Attribute("href")!, StringComparison.Ordinal);

        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(Math.Min(15, app.WarningEvents.Count), entries.Count);
        var newest = app.WarningEvents.Reverse().Take(15).Select(e => CapFormat.Identifier(e.Version.Warning.WarningId, e.Version.Version)).ToList();
        Assert.Equal(newest, entries.Select(e => e.Element(Atom + "id")!.Value));
        var updated = entries.Max(e => DateTimeOffset.Parse(e.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(updated, DateTimeOffset.Parse(feed.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture));

        foreach (var entry in entries)
        {
            Assert.False(string.IsNullOrWhiteSpace(entry.Element(Atom + "title")?.Value));
            var link = Assert.Single(entry.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "alternate");
            Assert.Equal(CapAlertWriter.MediaType, (string?)link.Attribute("type"));
            var href = new Uri((string)link.Attribute("href")!);
            Assert.Equal(app.Http.BaseAddress!.Authority, href.Authority);
            var alert = await GetAlertAsync(href.PathAndQuery);
            Assert.Equal(entry.Element(Atom + "id")!.Value, Value(alert, "identifier"));
        }
    }

    [Fact]
    public async Task the_feed_without_a_limit_holds_the_default_number_of_entries()
    {
        var feed = XDocument.Load(await app.Http.GetStreamAsync("/api/cap/feed")).Root!;
        Assert.Equal(Math.Min(CapEndpoints.DefaultFeedLimit, app.WarningEvents.Count), feed.Elements(Atom + "entry").Count());
    }

    [Theory]
    [InlineData("/api/warnings/no-such-warning/cap", HttpStatusCode.NotFound)]
    [InlineData("/api/warnings/%01%02/cap", HttpStatusCode.NotFound)]
    [InlineData("/api/warnings/{id}/cap?version=0", HttpStatusCode.BadRequest)]
    [InlineData("/api/warnings/{id}/cap?version=-1", HttpStatusCode.BadRequest)]
    [InlineData("/api/warnings/{id}/cap?version=two", HttpStatusCode.BadRequest)]
    [InlineData("/api/warnings/{id}/cap?version=99999999999", HttpStatusCode.BadRequest)]
    [InlineData("/api/warnings/{id}/cap?version=9999", HttpStatusCode.NotFound)]
    [InlineData("/api/cap/feed?limit=0", HttpStatusCode.BadRequest)]
    [InlineData("/api/cap/feed?limit=201", HttpStatusCode.BadRequest)]
    [InlineData("/api/cap/feed?limit=ten", HttpStatusCode.BadRequest)]
    [InlineData("/api/cap/feed?limit=", HttpStatusCode.BadRequest)]
    public async Task bad_input_answers_with_problem_details(string path, HttpStatusCode status)
    {
        path = path.Replace("{id}", app.WarningEvents[0].Version.Warning.WarningId, StringComparison.Ordinal);
        using var response = await app.Http.GetAsync(path);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"\"status\":{(int)status}", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/cap/feed")]
    [InlineData("/api/warnings/{id}/cap")]
    public async Task cap_is_read_with_a_key_no_key_is_401_and_a_source_key_403(string path)
    {
        path = path.Replace("{id}", app.WarningEvents[0].Version.Warning.WarningId, StringComparison.Ordinal);
        using var client = new HttpClient { BaseAddress = app.Http.BaseAddress };
        using (var response = await client.GetAsync(path))
            await Problem.AssertAsync(response, HttpStatusCode.Unauthorized, "API key required");
        client.DefaultRequestHeaders.Add(ApiKeys.HeaderName, TestApiKeys.Source);
        using (var response = await client.GetAsync(path))
            await Problem.AssertAsync(response, HttpStatusCode.Forbidden, "Not allowed for this key");
    }

    [Fact]
    public async Task a_partner_key_reads_no_cap_where_no_audience_is_registered()
    {
        // Without EarlyWarning.Partners in the process nothing says what a partner may see: it sees nothing, never everything.
        using var client = new HttpClient { BaseAddress = app.Http.BaseAddress };
        client.DefaultRequestHeaders.Add(ApiKeys.HeaderName, CapScenarioApp.PartnerKey);
        using var response = await client.GetAsync("/api/cap/feed");
        await Problem.AssertAsync(response, HttpStatusCode.Forbidden, "Not entitled to warnings");
    }

    [Fact]
    public async Task an_overlong_warning_id_is_an_unknown_warning()
    {
        using var response = await app.Http.GetAsync($"/api/warnings/{new string('a', 400)}/cap");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
