using System.Net.Http.Json;
using System.Text.Json;
using System.Security.Cryptography;
using System.Text;
using EarlyWarning.Testing;
using Xunit;
using Xunit.Abstractions;

namespace EarlyWarning.Host.Tests.Dashboard;

/// <summary>
/// The dashboard in real headless Chromium against the host playing the demo: the coordinated-attack warning arrives
/// live, an operator acknowledges it on the page, and the time slider shows the picture from before it was raised.
/// Screenshots go to tests/EarlyWarning.Host.Tests/TestResults/dashboard/.
/// </summary>
public sealed class DashboardTests(ITestOutputHelper output)
{
    private const string OperatorKey = "ew_dashboard-test-operator-key";
    private const string OperatorName = "soc-test-operator";

    // The attacks of 30-31 January start 18 scenario hours into the live part: about 6 s at this speed, so the page
    // is open before the warning is raised and sees it arrive over the live stream.
    private const string DemoSpeed = "10000";

    // The night of 30-31 January 2026; the scenario's background raises the same rule for Balochistan in 2024-2025.
    private const string BalochistanWarning =
        "[...document.querySelectorAll(\"#warnings [data-testid=warning][data-rule-id='coordinated-attacks'][data-province='balochistan']\")].find(e => e.dataset.firstHeldAt >= '2026-01-30')";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private static string Screenshots => Path.Combine(Repository.Root, "tests", "EarlyWarning.Host.Tests", "TestResults", "dashboard");

    [Fact]
    public async Task an_operator_sees_the_balochistan_warning_arrive_acknowledges_it_and_looks_back_before_it()
    {
        HeadlessChromium.Locate(); // no browser is a failure, before a host is started for nothing
        using var client = new HttpClient { DefaultRequestHeaders = { { "X-Api-Key", OperatorKey } } };
        using var host = HostProcess.Start(["--demo", "--demo-speed", DemoSpeed], new Dictionary<string, string>
        {
            ["Auth__Keys__0__Name"] = OperatorName,
            ["Auth__Keys__0__Sha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(OperatorKey))),
            ["Auth__Keys__0__Scopes__0"] = "operator",
        });
        await host.WaitForHealthAsync(client);
        await using var browser = await HeadlessChromium.LaunchAsync();
        var page = await browser.NewPageAsync();
        try
        {
            await page.GotoAsync(host.BaseAddress);
            await page.WaitForAsync("document.querySelectorAll('#map path.district').length === 144", TimeSpan.FromSeconds(30), "the district map");

            // Without a key the page shows none of the picture and asks for one.
            await page.WaitForAsync("document.querySelector('[data-testid=connection]').dataset.state === 'down'", TimeSpan.FromSeconds(30), "the page to ask for a key");
            Assert.Contains("operator key", await page.TextAsync("document.querySelector('[data-testid=status]')"), StringComparison.Ordinal);
            Assert.Equal(0, (await page.EvaluateAsync("document.querySelectorAll('#warnings [data-testid=warning], #incidents circle').length")).GetInt32());
            // The browser logs each refused request; those 401s are the only errors the page may have, and only until the key.
            var keyless = browser.PageErrors.ToList();
            Assert.All(keyless, e => Assert.Contains("status of 401", e, StringComparison.Ordinal));

            // The key typed into the field labelled "Operator key" opens the live picture.
            await page.TypeAsync("[...document.querySelectorAll('label')].find(l => l.textContent.trim() === 'Operator key').control", OperatorKey, "the operator key field");
            await page.EvaluateAsync("document.getElementById('apikey').dispatchEvent(new Event('change', { bubbles: true }))");
            await page.WaitForAsync("document.querySelector('[data-testid=connection]').dataset.state === 'live'", TimeSpan.FromSeconds(30), "the live stream to connect");
            Assert.Equal("Kech", await page.TextAsync("document.querySelector('#map path#kech title')"));

            // The warning arrives on the open page.
            await page.WaitForAsync(BalochistanWarning, Patience, "the Balochistan coordinated-attacks warning of 30 January 2026 on the page");
            var warningId = (await page.EvaluateAsync($"{BalochistanWarning}.dataset.warningId")).GetString()!;
            var item = $"document.querySelector('[data-warning-id=\"{warningId}\"]')";
            Assert.Contains("Coordinated attacks across districts", await page.TextAsync(item), StringComparison.Ordinal);
            Assert.Contains((await page.EvaluateAsync($"{item}.dataset.severity")).GetString(), new[] { "Severe", "Extreme" });
            await page.WaitForAsync("document.querySelectorAll('#incidents circle').length > 0", TimeSpan.FromSeconds(30), "incident markers on the map");
            await Shoot(page, "1-warning-arrives.png");

            // The rest of the scenario plays on; the warning may resolve (its quiet period is 12 scenario hours, about
            // 4 s at this speed) and move to "Recently resolved". Once the store stops growing (for 2 s) the page stands still.
            await Eventually.TrueAsync(() => host.Process.Output.Any(l => l.Contains("Demo: 573 of 573 messages played", StringComparison.Ordinal)),
                Patience, "the demo to finish playing", () => string.Join('\n', host.Process.Output.TakeLast(10)));
            var (last, still) = (-1L, 0);
            await Eventually.TrueAsync(async () =>
            {
                using var health = JsonDocument.Parse(await client.GetStringAsync(new Uri(host.BaseAddress, "/health")));
                var head = health.RootElement.GetProperty("checks").GetProperty("eventstore").GetProperty("data").GetProperty("headPosition").GetInt64();
                (last, still) = (head, head == last ? still + 1 : 0);
                return still >= 10;
            }, Patience, "the store to stop growing");
            if ((await page.EvaluateAsync($"{item}.closest('details') !== null && !{item}.closest('details').open")).GetBoolean())
                await page.ClickAsync("[...document.querySelectorAll('summary')].find(s => s.textContent.startsWith('Recently resolved'))", "Recently resolved");

            // Eight districts and more by the end of the night: Extreme, and its districts light up on the map.
            Assert.Equal("Extreme", (await page.EvaluateAsync($"{item}.dataset.severity")).GetString());
            await page.ClickAsync($"[...{item}.querySelectorAll('button')].find(b => b.textContent === 'Show on map')", "Show on map");
            await page.WaitForAsync("document.querySelectorAll('#map path.highlight').length >= 5", TimeSpan.FromSeconds(10), "the warning's districts highlighted on the map");
            Assert.Equal(0, (await page.EvaluateAsync("[...document.querySelectorAll('#map path.highlight')].filter(p => p.dataset.province !== 'balochistan').length")).GetInt32());
            Assert.True((await page.EvaluateAsync("document.querySelectorAll('#incidents circle.in-warning').length")).GetInt32() >= 8, "the warning's incidents are not marked on the map");
            await Shoot(page, "2-shown-on-the-map.png");

            // Acknowledge, with the key already in the field.
            await page.TypeAsync($"{item}.querySelector('input[data-role=note]')", "Seen by the test; QRF informed.", "the note field");
            await page.ClickAsync($"[...{item}.querySelectorAll('button')].find(b => b.textContent === 'Acknowledge')", "Acknowledge");
            await page.WaitForAsync($"{item} && {item}.dataset.acknowledged === 'true'", TimeSpan.FromSeconds(30), "the warning shown acknowledged");
            Assert.Contains($"Acknowledged by {OperatorName}", await page.TextAsync(item), StringComparison.Ordinal);
            await page.EvaluateAsync($"{item}.scrollIntoView({{ block: 'center' }})");
            await Shoot(page, "3-acknowledged.png");

            using var recorded = JsonDocument.Parse(await client.GetStringAsync(new Uri(host.BaseAddress, $"/api/warnings/{Uri.EscapeDataString(warningId)}")));
            var acknowledged = Assert.Single(recorded.RootElement.GetProperty("history").EnumerateArray(), e => e.GetProperty("type").GetString() == "V1.WarningAcknowledged");
            Assert.Contains(OperatorName, acknowledged.GetProperty("data").ToString(), StringComparison.Ordinal);
            Assert.Equal(OperatorName, recorded.RootElement.GetProperty("warning").GetProperty("acknowledgement").GetProperty("by").GetString());

            // Back in time: a second before the warning was known, the picture has incidents and not the warning.
            var raisedKnownAt = recorded.RootElement.GetProperty("warning").GetProperty("raisedKnownAt").GetDateTimeOffset();
            var before = (raisedKnownAt.ToUnixTimeMilliseconds() / 1000 - 1) * 1000;
            await page.EvaluateAsync($$"""
                (() => {
                  const slider = [...document.querySelectorAll('label')].find(l => l.textContent.trim() === 'Picture as known at').control;
                  slider.value = String({{BrowserPage.Js(before)}});
                  slider.dispatchEvent(new Event('input', { bubbles: true }));
                  slider.dispatchEvent(new Event('change', { bubbles: true }));
                })()
                """);
            await page.WaitForAsync($"document.body.dataset.mode === 'asof' && document.body.dataset.asOf === {BrowserPage.Js(DateTimeOffset.FromUnixTimeMilliseconds(before).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture))}",
                TimeSpan.FromSeconds(30), "the as-of picture");
            Assert.Equal(0, (await page.EvaluateAsync($"document.querySelectorAll('[data-warning-id=\"{warningId}\"]').length")).GetInt32());
            Assert.True((await page.EvaluateAsync("document.querySelectorAll('#incidents circle').length")).GetInt32() > 0, "no incidents in the picture before the warning");
            Assert.Equal("paused", (await page.EvaluateAsync("document.querySelector('[data-testid=connection]').dataset.state")).GetString());
            Assert.Contains("UTC", await page.TextAsync("document.querySelector('[data-testid=asof-label]')"), StringComparison.Ordinal);
            Assert.Contains("PKT", await page.TextAsync("document.querySelector('[data-testid=asof-label]')"), StringComparison.Ordinal);
            await Shoot(page, "4-before-the-warning.png");

            // And back to now: live again, the warning there, acknowledged.
            await page.ClickAsync("[...document.querySelectorAll('button')].find(b => b.textContent === 'Now (live)')", "Now (live)");
            await page.WaitForAsync($"document.body.dataset.mode === 'live' && {item} && {item}.dataset.acknowledged === 'true'", TimeSpan.FromSeconds(30), "the live picture again");
            await page.WaitForAsync("document.querySelector('[data-testid=connection]').dataset.state === 'live'", TimeSpan.FromSeconds(30), "the live stream to reconnect");

            Assert.Equal(keyless, browser.PageErrors);
        }
        catch
        {
            await Shoot(page, "failure.png");
            output.WriteLine("Host output:\n" + string.Join('\n', host.Process.Output.TakeLast(30)) + "\n" + string.Join('\n', host.Process.Errors));
            throw;
        }
    }

    [Fact]
    public async Task the_link_the_host_prints_opens_the_live_picture_and_leaves_no_key_in_the_address_bar()
    {
        HeadlessChromium.Locate();
        using var client = new HttpClient();
        using var host = HostProcess.Start([]);
        await host.WaitForHealthAsync(client);
        var line = Assert.Single(host.Process.Output, l => l.StartsWith("Open the dashboard with it: ", StringComparison.Ordinal));
        var link = new Uri(line["Open the dashboard with it: ".Length..].Trim());
        Assert.Equal(host.BaseAddress.Authority, link.Authority);
        var key = Uri.UnescapeDataString(link.Fragment["#key=".Length..]);
        Assert.Contains(host.Process.Output, l => l.EndsWith(": " + key, StringComparison.Ordinal)); // the key printed above the link

        await using var browser = await HeadlessChromium.LaunchAsync();
        var page = await browser.NewPageAsync();
        try
        {
            await page.GotoAsync(link);
            await page.WaitForAsync("document.querySelector('[data-testid=connection]').dataset.state === 'live'", TimeSpan.FromSeconds(30), "the live stream to connect");
            Assert.Equal("", (await page.EvaluateAsync("location.hash")).GetString());
            Assert.Equal(key, (await page.EvaluateAsync("document.getElementById('apikey').value")).GetString());
            Assert.Empty(browser.PageErrors);
        }
        catch
        {
            await Shoot(page, "link-failure.png");
            output.WriteLine("Host output:\n" + string.Join('\n', host.Process.Output.TakeLast(30)) + "\n" + string.Join('\n', host.Process.Errors));
            throw;
        }
    }

    private async Task Shoot(BrowserPage page, string name)
    {
        var path = Path.Combine(Screenshots, name);
        await page.ScreenshotAsync(path);
        output.WriteLine($"screenshot: {path}");
        Console.WriteLine($"Dashboard screenshot: {path}");
    }
}
