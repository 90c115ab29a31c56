using System.Net.Http.Json;
using System.Text.Json;
using EarlyWarning.Testing;
using Xunit;

namespace EarlyWarning.Host.Tests;

/// <summary><c>--demo</c> plays the shipped scenario through the in-process bus into ingest.</summary>
public sealed class HostDemoTests
{
    // 562 reports (each a report-stream and an incident-stream event), 8 corrections, 3 retractions.
    private const long ScenarioEvents = 562 * 2 + 8 + 3;

    [Fact]
    public async Task demo_records_the_whole_scenario_without_a_rejection()
    {
        using var client = new HttpClient();
        using var host = HostProcess.Start(["--demo", "--demo-speed", "1000000"]);
        await host.WaitForHealthAsync(client);

        await Eventually.TrueAsync(() => Running(host) && host.Process.Output.Any(l => l.Contains("Demo: 573 of 573 messages played", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(120), "the demo to finish playing", () => string.Join('\n', host.Process.Output.TakeLast(20)));
        await Eventually.TrueAsync(async () => Running(host) && await HeadAsync(client, host) >= ScenarioEvents, TimeSpan.FromSeconds(120), $"{ScenarioEvents} events in the store");

        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(ScenarioEvents, await HeadAsync(client, host));
        var rejections = await client.GetFromJsonAsync<JsonElement>(new Uri(host.BaseAddress, "/api/rejections"));
        Assert.Equal(0, rejections.GetProperty("rejections").GetArrayLength());
        host.Process.Terminate();
        Assert.Equal(0, await host.Process.WaitForExitAsync(TimeSpan.FromSeconds(30)));
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
