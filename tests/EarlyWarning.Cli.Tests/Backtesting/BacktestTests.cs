using System.Globalization;
using System.Text.Json;
using EarlyWarning.Contracts.Warnings;

namespace EarlyWarning.Cli.Tests.Backtesting;

/// <summary><c>ew backtest</c> with the shipped rules on a store holding the shipped scenario.</summary>
[Collection(ScenarioStoreCollection.Name)]
public sealed class BacktestTests(ScenarioStore store)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static readonly DateTimeOffset NightStart = new(2026, 1, 30, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] CsvHeader =
    [
        "warning_id", "rule_id", "rule_kind", "group_by", "group_key", "group_name", "province_id", "severity", "urgency", "certainty",
        "first_held_at", "last_held_at", "known_at", "late_by", "status", "resolution_reason", "resolved_at", "incident_count",
        "district_ids", "killed", "measure", "versions", "first_incident_id", "incident_ids", "headline",
    ];

    private Task<EwRun> BacktestAsync(params string[] options) => Ew.RunAsync(["backtest", "--rules", "rules/", "--store", store.Argument, .. options]);

    private static BacktestReport Report(string json) => JsonSerializer.Deserialize<BacktestReport>(json, Web)!;

    /// <summary>The warning of the night of 30–31 January: coordinated attacks across Balochistan's districts.</summary>
    private static bool IsTheJanuaryNight(WarningSnapshot w) =>
        w.RuleId == "coordinated-attacks" && w.ProvinceId == "balochistan" && w.FirstHeldAt >= NightStart && w.FirstHeldAt < NightStart.AddDays(2);

    [Fact]
    public async Task the_table_shows_the_coordinated_attacks_across_balochistan_on_the_night_of_30_january()
    {
        var run = await BacktestAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("first held (UTC)", run.Output[0], StringComparison.Ordinal);
        Assert.Contains(run.Output, line => System.Text.RegularExpressions.Regex.IsMatch(line, @"^2026-01-3[01] \d\d:\d\d .*coordinated-attacks\s+Balochistan\s"));
        Assert.Matches(@"^[\d,]+ incident events read, [\d,]+ too late to evaluate, [\d,]+ warnings, in [\d.]+ s\.$", run.Output[^1]);
        Assert.Empty(run.Errors);
    }

    [Fact]
    public async Task the_json_deserialises_with_the_rule_set_the_counts_and_every_warnings_snapshot()
    {
        var run = await BacktestAsync("--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var report = Report(run.Stdout);
        Assert.Contains("coordinated-attacks", report.RuleSet.RuleIds);
        Assert.Matches("^[0-9a-f]{64}$", report.RuleSet.Hash);
        Assert.Null(report.From);
        Assert.Null(report.To);
        Assert.True(report.Counts.IncidentEvents > 500, $"{report.Counts.IncidentEvents} incident events");
        Assert.Equal(report.Warnings.Count, report.Counts.Warnings);
        var night = Assert.Single(report.Warnings, w => IsTheJanuaryNight(w.Warning));
        Assert.True(night.Warning.DistrictIds.Count >= 3, string.Join(", ", night.Warning.DistrictIds));
        Assert.Equal(night.Warning.IncidentCount, night.Warning.Incidents.Count);
        Assert.Contains("warnings", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_csv_has_the_header_and_the_same_rows_as_the_json()
    {
        // Through a file, since a child's standard output arrives as lines without their ends, and the CRLF is part of the test.
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "warnings.csv");
        var csv = await BacktestAsync("--format", "csv", "--output", path);
        var json = await BacktestAsync("--format", "json");

        Assert.True(csv.ExitCode == 0, csv.ToString());
        var rows = Csv.Parse(await File.ReadAllTextAsync(path));
        Assert.Equal(CsvHeader, rows[0]);
        var warnings = Report(json.Stdout).Warnings;
        Assert.Equal(warnings.Count, rows.Count - 1);
        Assert.Contains(warnings, w => IsTheJanuaryNight(w.Warning));
        foreach (var (row, expected) in rows.Skip(1).Zip(warnings))
        {
            var field = CsvHeader.Select((name, i) => (name, i)).ToDictionary(c => c.name, c => row[c.i]);
            var w = expected.Warning;
            Assert.Equal(CsvHeader.Length, row.Count);
            Assert.Equal(w.WarningId, field["warning_id"]);
            Assert.Equal(w.RuleId, field["rule_id"]);
            Assert.Equal(w.GroupName, field["group_name"]);
            Assert.Equal(w.ProvinceId ?? "", field["province_id"]);
            Assert.Equal(w.Severity, field["severity"]);
            Assert.Equal(w.FirstHeldAt, DateTimeOffset.Parse(field["first_held_at"], CultureInfo.InvariantCulture));
            Assert.Equal(expected.KnownAt, DateTimeOffset.Parse(field["known_at"], CultureInfo.InvariantCulture));
            Assert.Equal(expected.LateBy?.ToString("c", CultureInfo.InvariantCulture) ?? "", field["late_by"]);
            Assert.Equal(w.IncidentCount.ToString(CultureInfo.InvariantCulture), field["incident_count"]);
            Assert.Equal(w.Killed.ToString(CultureInfo.InvariantCulture), field["killed"]);
            Assert.Equal(string.Join(';', w.DistrictIds), field["district_ids"]);
            Assert.Equal(string.Join(';', w.Incidents.Select(i => i.IncidentId)), field["incident_ids"]);
            Assert.Equal(expected.ResolutionReason ?? "", field["resolution_reason"]);
            Assert.Equal(w.Headline, field["headline"]);
        }
    }

    [Theory]
    [InlineData("--from", "2026-02-01")]
    [InlineData("--to", "2026-01-29")]
    [InlineData("--to", "2026-01-29T23:59:59+05:00")]
    public async Task narrowing_the_period_leaves_the_january_night_out(string option, string value)
    {
        var run = await BacktestAsync("--format", "json", option, value);

        Assert.True(run.ExitCode == 0, run.ToString());
        var report = Report(run.Stdout);
        Assert.DoesNotContain(report.Warnings, w => IsTheJanuaryNight(w.Warning));
        if (option == "--from")
        {
            Assert.Equal(new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero), report.From);
            Assert.All(report.Warnings, w => Assert.True(w.Warning.FirstHeldAt >= report.From));
        }
        else
        {
            Assert.All(report.Warnings, w => Assert.True(w.Warning.FirstHeldAt <= report.To));
        }
    }

    [Fact]
    public async Task a_date_given_to_to_includes_the_whole_of_that_day()
    {
        var run = await BacktestAsync("--format", "json", "--to", "2026-01-31");

        var report = Report(run.Stdout);
        Assert.Equal(new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(-1), report.To);
        Assert.Contains(report.Warnings, w => IsTheJanuaryNight(w.Warning));
    }

    [Fact]
    public async Task the_output_file_gets_the_data_and_standard_output_the_summary()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "warnings.json");

        var run = await BacktestAsync("--format", "json", "--output", path);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(Report(await File.ReadAllTextAsync(path)).Warnings, w => IsTheJanuaryNight(w.Warning));
        var line = Assert.Single(run.Output);
        Assert.Contains($"Written to {path}.", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task progress_goes_to_standard_error_and_never_to_standard_output()
    {
        var run = await BacktestAsync("--format", "csv", "--progress");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("100.0% of the store read", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Join(',', CsvHeader), run.Output[0]);
        Assert.DoesNotContain(run.Output, line => line.Contains("% of the store", StringComparison.Ordinal));
    }
}
