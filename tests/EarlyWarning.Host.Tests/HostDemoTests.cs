using System.Net.Http.Json;
using System.Text.Json;
using EarlyWarning.EventStore;
using EarlyWarning.EventStore.Sqlite;
using EarlyWarning.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace EarlyWarning.Host.Tests;

/// <summary><c>--demo</c> plays the shipped scenario through the in-process bus into ingest, and the rules raise warnings on it.</summary>
public sealed class HostDemoTests
{
    // 562 reports (each a report-stream and an incident-stream event), 8 corrections, 3 retractions.
    private const long ScenarioEvents = 562 * 2 + 8 + 3;

    [Fact]
    public async Task demo_records_the_whole_scenario_without_a_rejection_and_raises_the_coordinated_attack_warning()
    {
        using var client = new HttpClient();
        using var host = HostProcess.Start(["--demo", "--demo-speed", "1000000"]);
        await host.WaitForHealthAsync(client);

        await Eventually.TrueAsync(() => Running(host) && host.Process.Output.Any(l => l.Contains("Demo: 573 of 573 messages played", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(120), "the demo to finish playing", () => string.Join('\n', host.Process.Output.TakeLast(20)));
        await Eventually.TrueAsync(
            () => Running(host) && host.Process.Output.Any(l => l.Contains("Coordinated attacks across districts — Balochistan", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(120), "the coordinated-attack warning for Balochistan on the console", () => string.Join('\n', host.Process.Output.TakeLast(20)));
        // Ingest and the rules finish after the last message is played: wait until the store stops growing.
        var (last, still) = (-1L, 0);
        await Eventually.TrueAsync(async () =>
        {
            var head = await HeadAsync(client, host);
            (last, still) = (head, head == last ? still + 1 : 0);
            return Running(host) && head >= ScenarioEvents && still >= 3;
        }, TimeSpan.FromSeconds(120), "the store to stop growing");
        var rejections = await client.GetFromJsonAsync<JsonElement>(new Uri(host.BaseAddress, "/api/rejections"));
        Assert.Equal(0, rejections.GetProperty("rejections").GetArrayLength());
        // Warnings are read with the operator key the host printed for this run, as a newcomer would; without it, 401.
        using (var anonymous = await client.GetAsync(new Uri(host.BaseAddress, "/api/warnings")))
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var link = host.Process.Output.Single(l => l.StartsWith("Open the dashboard with it: ", StringComparison.Ordinal));
        client.DefaultRequestHeaders.Add("X-Api-Key", link[(link.IndexOf("#key=", StringComparison.Ordinal) + "#key=".Length)..]);
        // The demo is illustrative: the CAP messages it leads to are an exercise, never an actual alert.
        var warnings = await client.GetFromJsonAsync<JsonElement>(new Uri(host.BaseAddress, "/api/warnings?status=all"));
        var coordinated = warnings.GetProperty("warnings").EnumerateArray().First(w => w.GetProperty("warning").GetProperty("ruleId").GetString() == "coordinated-attacks");
        var cap = System.Xml.Linq.XDocument.Parse(await client.GetStringAsync(new Uri(host.BaseAddress, $"/api/warnings/{coordinated.GetProperty("warningId").GetString()}/cap")));
        Assert.Equal("Exercise", cap.Root!.Element(System.Xml.Linq.XName.Get("status", "urn:oasis:names:tc:emergency:cap:1.2"))!.Value);
        host.Process.Terminate();
        Assert.Equal(0, await host.Process.WaitForExitAsync(TimeSpan.FromSeconds(30)));

        await using var store = await SqliteEventStore.OpenAsync(new SqliteEventStoreSettings(Path.Combine(host.Folder, "data", "earlywarning.db")), null, NullLogger.Instance);
        var byKind = new Dictionary<string, long>();
        await foreach (var e in store.ReadAllAsync(GlobalPosition.Start, long.MaxValue))
        {
            var kind = e.Stream.Value.StartsWith("incident-", StringComparison.Ordinal) || e.Stream.Value.StartsWith("report-", StringComparison.Ordinal) ? "scenario" : e.Type;
            byKind[kind] = byKind.GetValueOrDefault(kind) + 1;
        }
        Assert.Equal(ScenarioEvents, byKind["scenario"]);
        Assert.Equal(1, byKind["V1.RuleSetActivated"]);
        Assert.True(byKind.GetValueOrDefault("V1.WarningRaised") >= 10, string.Join(", ", byKind));
    }

    private static async Task<long> HeadAsync(HttpClient client, HostProcess host)
    {
        using var health = JsonDocument.Parse(await client.GetStringAsync(new Uri(host.BaseAddress, "/health")));
        return health.RootElement.GetProperty("checks").GetProperty("eventstore").GetProperty("data").GetProperty("headPosition").GetInt64();
    }

    private static bool Running(HostProcess host)
    {
        Assert.False(host.Process.HasExited, string.Join('\n', host.Process.Errors));
        return true;
    }
}
