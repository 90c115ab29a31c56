using System.Globalization;
using System.Text.Json;
using EarlyWarning.Contracts.Reports;
using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.EventStore;
using EarlyWarning.Ingest;
using EarlyWarning.Ingest.Pipeline;

namespace EarlyWarning.Cli.Tests.Backtesting;

/// <summary>
/// <c>ew backtest --compare-hindsight</c> on a store filled through ingest with a few reports whose event times are
/// chosen and whose recorded times are read back, so every expectation is computed by hand from them. The rule:
/// three attacks in one district within 24 h, Severe, Extreme from 10 killed.
/// </summary>
public sealed class HindsightTests : IAsyncLifetime
{
    private const string RuleFile = """
        rules:
          - id: district-cluster
            title: Three attacks in one district
            kind: threshold
            where:
              types: attacks
            groupBy: district
            window: 24h
            minIncidents: 3
            quietPeriod: 12h
            severity: Severe
            urgency: Immediate
            certainty: Observed
            escalate:
              - when: { killed: 10 }
                severity: Extreme

        """;

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    // Whole minutes, a day ago: recent enough for ingest, far enough that every report is in the past.
    private readonly DateTimeOffset _base = new DateTimeOffset(DateTimeOffset.UtcNow.Ticks / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, TimeSpan.Zero).AddDays(-1);
    private readonly TempFolder _folder = new();
    private readonly Dictionary<string, (string IncidentId, DateTimeOffset RecordedAt)> _recorded = [];

    private string StorePath => Path.Combine(_folder.Path, "store.db");

    private string RulesPath => Path.Combine(_folder.Path, "rules.yaml");

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(RulesPath, RuleFile);
        await ScenarioStore.IngestAsync(StorePath, async (ingest, store) =>
        {
            // Kech: a at +0 h (2 killed), c at +6 h, and b at +3 h reported last: the pattern holds at c with hindsight, and
            // is known only when b is recorded. Then a's figure is corrected to 12 killed: Extreme, as known only from then.
            await ReportAsync(ingest, store, "a", "Kech", 0, killed: 2);
            await ReportAsync(ingest, store, "c", "Kech", 6);
            await ReportAsync(ingest, store, "b", "Kech", 3);
            await RecordAsync(store, "a-corrected", await ingest.CorrectAsync(
                new IncidentCorrected("levies-test", "a", "a-1", DateTimeOffset.UtcNow, new Casualties(SecurityForces: new SideCasualties(12))), null));
            // Panjgur: x, y, z three hours apart, reported in order; then z is retracted: a warning only as known.
            await ReportAsync(ingest, store, "x", "Panjgur", 0);
            await ReportAsync(ingest, store, "y", "Panjgur", 3);
            await ReportAsync(ingest, store, "z", "Panjgur", 6);
            await RecordAsync(store, "z-retracted", await ingest.RetractAsync(new IncidentRetracted("levies-test", "z", DateTimeOffset.UtcNow, "no such attack"), null));
        });
    }

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }

    private Task<EwRun> BacktestAsync(params string[] options) =>
        Ew.RunAsync(["backtest", "--rules", RulesPath, "--store", "sqlite:" + StorePath, "--compare-hindsight", .. options]);

    [Fact]
    public async Task the_json_says_when_each_warning_fired_with_hindsight_and_when_it_could_be_known()
    {
        var run = await BacktestAsync("--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var report = JsonSerializer.Deserialize<HindsightReport>(run.Stdout, Web)!;
        Assert.Equal(TimeSpan.FromHours(1), report.KnownWithin);
        Assert.Equal(2, report.Warnings.Count);

        // Kech: fired at c (+6 h) with hindsight; known when b was recorded; Extreme from the start with hindsight,
        // as known from when the correction was recorded.
        var kech = report.Warnings[0];
        Assert.Equal("known", kech.Outcome);
        Assert.Equal("id", kech.MatchedBy);
        Assert.Equal(_recorded["c"].IncidentId, kech.Hindsight!.Warning.FirstIncidentId);
        Assert.Equal(_base.AddHours(6), kech.FiredAt);
        Assert.Equal(_recorded["b"].RecordedAt, kech.KnownAt);
        Assert.Equal(_recorded["b"].RecordedAt - _base.AddHours(6), kech.Delay);
        Assert.Equal(CapSeverity.Extreme, kech.Severity);
        Assert.Equal(_base.AddHours(6), kech.SeverityHeldAt);
        Assert.Equal(_recorded["a-corrected"].RecordedAt, kech.SeverityKnownAt);
        Assert.Equal(_recorded["a-corrected"].RecordedAt - _base.AddHours(6), kech.SeverityDelay);

        // Panjgur: raised as known when z was recorded, withdrawn by its retraction; hindsight never had it.
        var panjgur = report.Warnings[1];
        Assert.Equal("only-as-known", panjgur.Outcome);
        Assert.Null(panjgur.Hindsight);
        Assert.Null(panjgur.FiredAt);
        Assert.Equal(_recorded["z"].RecordedAt, panjgur.KnownAt);
        Assert.Equal("withdrawn", panjgur.AsKnown!.ResolutionReason);

        Assert.Equal(new HindsightReport.CountsPart(8, 0, 2, 1, 0, 1, 0, 1), report.Counts);
        Assert.Contains(
            $"1 warnings with hindsight: 0 would have been known within 1h of the attacks, 1 later (the longest +{(int)kech.Delay!.Value.TotalHours}h{kech.Delay.Value.Minutes:00}m), 0 missed as known; 1 raised only as known.",
            run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_table_counts_a_delay_within_known_within_as_in_time()
    {
        var run = await BacktestAsync("--known-within", "2d");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("fired (UTC)", run.Output[0], StringComparison.Ordinal);
        Assert.Contains(run.Output, line => line.StartsWith(_base.AddHours(6).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            && line.Contains("district-cluster", StringComparison.Ordinal) && line.Contains(" known ", StringComparison.Ordinal));
        Assert.Contains(run.Output, line => line.StartsWith("-  ", StringComparison.Ordinal) && line.Contains("only-as-known (withdrawn)", StringComparison.Ordinal));
        Assert.StartsWith("1 warnings with hindsight: 1 would have been known within 2d of the attacks, 0 later, 0 missed as known; 1 raised only as known.", run.Output[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_csv_has_one_row_per_warning_of_either_run()
    {
        var path = Path.Combine(_folder.Path, "hindsight.csv");
        var run = await BacktestAsync("--format", "csv", "--output", path);

        Assert.True(run.ExitCode == 0, run.ToString());
        var rows = Csv.Parse(await File.ReadAllTextAsync(path));
        Assert.Equal("outcome", rows[0][0]);
        Assert.Equal(3, rows.Count);
        var field = rows[0].Select((name, i) => (name, i)).ToDictionary(c => c.name, c => c.i);
        Assert.Equal("known", rows[1][field["outcome"]]);
        Assert.Equal(Iso(_base.AddHours(6)), rows[1][field["fired_at"]]);
        Assert.Equal(Iso(_recorded["b"].RecordedAt), rows[1][field["known_at"]]);
        Assert.Equal((_recorded["b"].RecordedAt - _base.AddHours(6)).ToString("c", CultureInfo.InvariantCulture), rows[1][field["delay"]]);
        Assert.Equal("only-as-known", rows[2][field["outcome"]]);
        Assert.Equal("withdrawn", rows[2][field["as_known_resolution_reason"]]);
        Assert.Contains("Written to", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--known-within", "soon", "--known-within must be a duration")]
    [InlineData("--known-within", "0h", "--known-within must be a duration")]
    public async Task a_bad_known_within_is_a_usage_error(string option, string value, string message)
    {
        var run = await BacktestAsync(option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("ew: " + message, run.Errors[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task known_within_without_the_comparison_is_a_usage_error()
    {
        var run = await Ew.RunAsync("backtest", "--rules", RulesPath, "--store", "sqlite:" + StorePath, "--known-within", "1h");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--known-within goes with --compare-hindsight", run.Stderr, StringComparison.Ordinal);
    }

    private static string Iso(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private async Task ReportAsync(IncidentIngest ingest, IEventStore store, string reportId, string district, double hours, int killed = 1)
    {
        var occurredAt = _base.AddHours(hours);
        var outcome = await ingest.ReportAsync(new IncidentReported(
            "levies-test", reportId, "B", 2, DateTimeOffset.UtcNow, occurredAt, TimePrecision.Exact,
            new ReportedLocation("Balochistan", district, null), IncidentTypes.ArmedAssault, [Targets.SecurityForces],
            new Casualties(SecurityForces: new SideCasualties(killed)), "BLA", ClaimStatus.Attributed, null), null);
        await RecordAsync(store, reportId, outcome);
    }

    private async Task RecordAsync(IEventStore store, string name, IngestOutcome outcome)
    {
        Assert.True(outcome.IsAccepted && outcome.Position is not null, $"{name}: {outcome}");
        await foreach (var recorded in store.ReadAllAsync(new GlobalPosition(outcome.Position!.Value - 1), 1))
            _recorded[name] = (outcome.IncidentId!, recorded.RecordedAt);
    }
}
