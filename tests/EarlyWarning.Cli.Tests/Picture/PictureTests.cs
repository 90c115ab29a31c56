using System.Globalization;
using System.Text.Json;
using EarlyWarning.Contracts;
using EarlyWarning.Contracts.Incidents;
using EarlyWarning.Contracts.Reports;
using EarlyWarning.EventStore;
using EarlyWarning.EventStore.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace EarlyWarning.Cli.Tests.Picture;

/// <summary><c>ew picture</c> on a store holding the shipped scenario as ingest recorded it.</summary>
[Collection(ScenarioStoreCollection.Name)]
public sealed class PictureTests(ScenarioStore store)
{
    private Task<EwRun> PictureAsync(params string[] options) => Ew.RunAsync(["picture", "--store", store.Argument, .. options]);

    [Fact]
    public async Task a_casualty_correction_recorded_after_the_moment_is_left_out_of_the_picture_as_known_then()
    {
        var (incidentId, correctedAt, before, after) = await FirstCasualtyCorrectionAsync();

        var then = await PictureAsync("--as-of", (correctedAt - TimeSpan.FromTicks(10)).ToString("O", CultureInfo.InvariantCulture), "--format", "json");
        var now = await PictureAsync("--format", "json");

        Assert.True(then.ExitCode == 0, then.ToString());
        Assert.True(now.ExitCode == 0, now.ToString());
        Assert.Equal(before, Killed(then, incidentId));
        Assert.Equal(after, Killed(now, incidentId));
        Assert.NotEqual(before, after);
    }

    [Fact]
    public async Task before_anything_was_recorded_the_table_says_there_was_nothing()
    {
        var run = await PictureAsync("--as-of", "2000-01-01");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"^The picture as known at 2000-01-01T23:59:59\.9999999\+00:00 \(events up to position 0\): 0 incidents, 0 warnings open, 0 recently resolved\.$", run.Output[0]);
    }

    [Fact]
    public async Task the_table_lists_the_incidents_known_now_newest_first()
    {
        var run = await PictureAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"^The picture as known at .*: \d+ incidents", run.Output[0]);
        Assert.StartsWith("occurred (UTC)", run.Output[2], StringComparison.Ordinal);
        Assert.True(run.Output.Count > 100, run.ToString());
    }

    [Theory]
    [InlineData("--format csv", "--format for picture must be table or json")]
    [InlineData("--as-of yesterday", "--as-of must be a date")]
    [InlineData("--as-of", "option '--as-of' needs a value (see ew picture --help)")]
    [InlineData("--when 2026-01-31", "unknown option '--when' for picture")]
    public async Task bad_usage_is_one_line_and_exit_code_2(string options, string message)
    {
        var run = await Ew.RunAsync(["picture", .. options.Split(' ')]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, Assert.Single(run.Errors), StringComparison.Ordinal);
    }

    private static int? Killed(EwRun run, string incidentId)
    {
        using var picture = JsonDocument.Parse(run.Stdout);
        var incident = picture.RootElement.GetProperty("incidents").EnumerateArray().Single(i => i.GetProperty("incidentId").GetString() == incidentId);
        return incident.GetProperty("killed").ValueKind == JsonValueKind.Null ? null : incident.GetProperty("killed").GetInt32();
    }

    /// <summary>The first correction in the store that changed an incident's killed, with the figure before and after.</summary>
    private async Task<(string IncidentId, DateTimeOffset CorrectedAt, int? Before, int? After)> FirstCasualtyCorrectionAsync()
    {
        var registry = ContractTypes.CreateRegistry();
        var known = new Dictionary<string, int?>(StringComparer.Ordinal);
        await using var events = await SqliteEventStore.OpenAsync(new SqliteEventStoreSettings(store.Path), null, NullLogger.Instance);
        await foreach (var recorded in events.ReadAllAsync(GlobalPosition.Start, long.MaxValue, EventFilter.ForStreams(IncidentStreams.IncidentPrefix)))
        {
            var (summary, corrected) = registry.Deserialize(recorded) switch
            {
                IncidentRecorded e => (e.Incident, false),
                IncidentCorroborated e => (e.Incident, false),
                ReportCorrected e => (e.Incident, true),
                ReportRetracted e => (e.Incident, false),
                _ => (null, false),
            };
            if (summary is null)
                continue;
            var killed = Killed(summary.Casualties);
            if (corrected && known.TryGetValue(summary.IncidentId, out var before) && before != killed)
                return (summary.IncidentId, recorded.RecordedAt, before, killed);
            known[summary.IncidentId] = killed;
        }
        throw new InvalidOperationException("The scenario has no correction of a casualty figure.");
    }

    private static int? Killed(Casualties casualties)
    {
        var figures = new[] { casualties.SecurityForces, casualties.Civilians, casualties.Militants }.Select(s => s?.Killed).Where(k => k is not null).ToList();
        return figures.Count == 0 ? null : figures.Sum();
    }
}
