using System.Text.Json.Nodes;
using EarlyWarning.Contracts.Incidents;
using EarlyWarning.Sources.Scenario;
using EarlyWarning.Testing;

namespace EarlyWarning.Ingest.Service.Tests;

/// <summary>The scenario player and the ingest service as separate processes over RabbitMQ, into PostgreSQL.</summary>
public sealed class ScenarioOverRabbitMqTests
{
    private static readonly ScenarioFile Scenario = ScenarioFile.Default;

    private static HashSet<string> ExpectedReports() =>
        Scenario.Messages.OfType<ReportEntry>().Select(e => $"{e.Report.SourceId}/{e.Report.ReportId}").ToHashSet();

    [Fact]
    public async Task every_report_of_the_scenario_is_recorded_exactly_once()
    {
        await using var run = await DistributedRun.CreateAsync();
        await run.StartIngestAsync();

        var player = run.StartScenario("--speed", "max");
        Assert.Equal(0, await player.WaitForExitAsync(TimeSpan.FromMinutes(3)));
        var expected = ExpectedReports();
        await Eventually.TrueAsync(async () => await run.CountAcceptedAsync() >= expected.Count, TimeSpan.FromMinutes(2), $"{expected.Count} reports");

        await AssertExactlyOnceAsync(run, expected);
    }

    [Fact]
    public async Task killing_ingest_mid_stream_loses_and_doubles_nothing()
    {
        await using var run = await DistributedRun.CreateAsync();
        var ingest = await run.StartIngestAsync();
        // Ten copies of every message (ids suffixed), so the stream outlasts two kills and restarts.
        var (file, expected) = Copies(10);
        var player = run.StartScenario("--speed", "max", "--file", file);

        var random = new Random();
        for (var kill = 0; kill < 2; kill++)
        {
            var target = (kill + 1) * expected.Count / 5 + random.Next(-200, 200);
            await Eventually.TrueAsync(async () => await run.CountAcceptedAsync() >= target, TimeSpan.FromMinutes(2), $"{target} reports before kill {kill + 1}");
            await ingest.KillAsync();
            // Killed with work left: reports still queued or in flight, unacknowledged.
            Assert.True(await run.CountAcceptedAsync() < expected.Count, "ingest was killed after the stream had ended");
            ingest = await run.StartIngestAsync();
        }

        Assert.Equal(0, await player.WaitForExitAsync(TimeSpan.FromMinutes(3)));
        await Eventually.TrueAsync(async () => await run.CountAcceptedAsync() >= expected.Count, TimeSpan.FromMinutes(2), $"{expected.Count} reports");
        await AssertExactlyOnceAsync(run, expected, copies: 10);
        File.Delete(file);
    }

    private static (string File, HashSet<string> Reports) Copies(int copies)
    {
        var source = JsonNode.Parse(File.ReadAllText(Repository.ShippedScenario))!.AsObject();
        var messages = new JsonArray();
        foreach (var entry in source["messages"]!.AsArray())
        {
            for (var k = 0; k < copies; k++)
            {
                var copy = entry!.DeepClone().AsObject();
                var message = copy["message"]!.AsObject();
                message["reportId"] = $"{message["reportId"]}-x{k}";
                if (message["correctionId"] is { } correction)
                    message["correctionId"] = $"{correction}-x{k}";
                messages.Add(copy);
            }
        }
        source["messages"] = messages;
        var file = Path.Combine(Path.GetTempPath(), $"ew-scenario-x{copies}-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, source.ToJsonString());
        var reports = Scenario.Messages.OfType<ReportEntry>()
            .SelectMany(e => Enumerable.Range(0, copies).Select(k => $"{e.Report.SourceId}/{e.Report.ReportId}-x{k}")).ToHashSet();
        return (file, reports);
    }

    private static async Task AssertExactlyOnceAsync(DistributedRun run, HashSet<string> expected, int copies = 1)
    {
        // A moment for anything still in flight to land, so a double would be seen.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var events = (await run.ReadAllAsync()).Select(x => x.Event).ToList();
        var accepted = events.OfType<ReportAccepted>().Select(a => $"{a.SourceId}/{a.ReportId}").ToList();
        Assert.Equal(expected.Count, accepted.Count);
        Assert.Equal(expected, accepted.ToHashSet());
        var onIncidents = events.OfType<IncidentRecorded>().Select(e => e.Report)
            .Concat(events.OfType<IncidentCorroborated>().Select(e => e.Report))
            .Select(r => $"{r.SourceId}/{r.ReportId}").ToList();
        Assert.Equal(expected.Count, onIncidents.Count);
        Assert.Equal(expected, onIncidents.ToHashSet());
        Assert.Equal(copies * Scenario.Messages.OfType<CorrectionEntry>().Count(), events.OfType<ReportCorrected>().Count());
        Assert.Equal(copies * Scenario.Messages.OfType<RetractionEntry>().Count(), events.OfType<ReportRetracted>().Count());
        Assert.Empty(events.OfType<ReportRejected>());
    }
}
