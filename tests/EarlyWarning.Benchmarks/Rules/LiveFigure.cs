using System.Diagnostics;
using System.Globalization;
using EarlyWarning.Benchmarks.Ingest;
using EarlyWarning.Contracts.Incidents;
using EarlyWarning.Contracts.Reports;
using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.Contracts.Warnings;
using EarlyWarning.EventStore;
using EarlyWarning.Ingest;
using EarlyWarning.Rules;
using EarlyWarning.Rules.Processing;
using EarlyWarning.ServiceDefaults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EarlyWarning.Benchmarks.Rules;

/// <summary>
/// Figure 3: ingest and the rules service in one process on SQLite, wired as the host wires them, and suicide-attack
/// reports sent one at a time through <see cref="IncidentIngest.ReportAsync"/>. The shipped <c>suicide-attack</c>
/// rule raises a warning on each (one report an hour in turn over the seven provinces, so consecutive attacks in a
/// province are further apart than its 6-hour quiet period and each opens a new warning). The latency is the
/// warning event's recorded-at minus the incident event's, both from the store; the next report goes once the rules
/// service has committed its evaluation of the last one, so no report waits behind another. Beside it, the same
/// store's own latency for one append of one small event, measured in the same run.
/// </summary>
public sealed class LiveFigure(BenchmarkOptions options, Action<string> progress)
{
    private const string RuleId = "suicide-attack";
    private const string SourceId = "benchmark-live";

    public async Task<RulesSection> RunAsync()
    {
        var directory = Path.Combine(options.DataDirectory, "rules-live");
        if (Directory.Exists(directory))
            Directory.Delete(directory, recursive: true);
        Directory.CreateDirectory(directory);
        var warmup = options.Count(100, minimum: 10);
        var measured = options.Count(1_000, minimum: 50);

        progress("rules: live, starting ingest and the rules service");
        var host = await StartAsync(Path.Combine(directory, "store.db"));
        try
        {
            var ingest = host.Services.GetRequiredService<IncidentIngest>();
            var status = host.Services.GetRequiredService<RulesStatus>();
            var store = host.Services.GetRequiredService<IEventStore>();
            await ingest.Ready.WaitAsync(TimeSpan.FromSeconds(60));
            await WaitAsync(() => status.CaughtUp, "the rules service to follow the store");

            var reports = Reports(ingest, warmup + measured);
            var answered = new List<long>(measured);
            var measuredIds = new HashSet<string>(StringComparer.Ordinal);
            MachineMeter? meter = null;
            for (var i = 0; i < reports.Count; i++)
            {
                if (i == warmup)
                {
                    progress($"rules: live, {warmup} warm-up reports sent; measuring {measured}");
                    meter = MachineMeter.Start();
                }
                var started = Stopwatch.GetTimestamp();
                var outcome = await ingest.ReportAsync(reports[i], null);
                var ended = Stopwatch.GetTimestamp();
                if (outcome.Status != EarlyWarning.Ingest.Pipeline.IngestStatus.Recorded || outcome.Position is not { } position)
                    throw new InvalidOperationException($"report {i} was not recorded as a new incident: {outcome.Status} {string.Join("; ", outcome.Errors.Select(e => $"{e.Field}: {e.Message}"))}");
                if (i >= warmup)
                {
                    answered.Add(ended - started);
                    measuredIds.Add(outcome.IncidentId!);
                }
                await WaitAsync(() => status.Position.Value >= position, $"the rules service to evaluate position {position}");
            }
            var machine = meter?.Stop();

            progress("rules: live, reading the incident and warning events back");
            var latencies = await LatenciesAsync(store, measuredIds);
            progress("rules: live, the store's own latency for one small append");
            var appendMeter = MachineMeter.Start();
            var appends = await AppendLatenciesAsync(store, measured);
            var appendMachine = appendMeter.Stop();

            var summary = Percentiles.Of(latencies.Select(l => l.TotalMilliseconds).ToList());
            var answeredSummary = LatencySummary.FromStopwatchTicks(answered);
            var appendSummary = LatencySummary.FromStopwatchTicks(appends);
            var row = new ReportRow(
                $"3. Incident recorded → warning recorded, ingest + rules in one process, SQLite ({Format.Count(latencies.Count)} warnings)",
                summary.ToString(),
                RulesTargets.LiveLatencyP99.Text,
                RulesTargets.LiveLatencyP99.Verdict(summary.P99),
                $"one `AppendAsync` of one small event, same store: p50 {Format.Ms(appendSummary.P50)} · p99 {Format.Ms(appendSummary.P99)} · max {Format.Ms(appendSummary.Max)}",
                machine?.ToString() ?? "n/a");
            var facts = new List<string>
            {
                $"Host: in-process generic host with `AddServiceDefaults`, `AddEventStoreAsync` (SQLite, {Path.Combine(directory, "store.db")}), `AddIngest`, `AddRules` (`Rules:Directory` = the shipped rules), as `EarlyWarning.Host` wires them, without Kestrel and the bus; the rules' per-warning log lines (category `EarlyWarning.Warnings`) turned down to errors to keep stderr readable",
                $"Reports: {Format.Count(warmup)} warm-up then {Format.Count(measured)} measured suicide attacks from one source, each a new incident (a source's second report is never matched to its first), one an hour of event time ending now, in turn over the seven provinces and their districts; each sent when the rules service had committed the last one",
                $"Warnings found: {Format.Count(latencies.Count)} `{RuleId}` warnings raised on the {Format.Count(measuredIds.Count)} measured incidents (looked up by `Warning.FirstIncidentId`)",
            };
            var details = new RulesDetails(
                "Beside it:",
                ["Measurement", "Result", "Meanwhile"],
                [
                    ["Report sent → `ReportAsync` answered (ingest's durable append; client side, Stopwatch)", answeredSummary.ToString(), machine?.ToString() ?? "n/a"],
                    ["Store alone: one `AppendAsync` of one small event to a new stream, awaited one at a time, same store and process", appendSummary.ToString(), appendMachine?.ToString() ?? "n/a"],
                ]);
            return new RulesSection("Live warnings, embedded", facts, [row], [details]);
        }
        finally
        {
            await BenchmarkHosts.StopAsync(host);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }

    /// <summary>Ingest and rules in one generic host on SQLite, as the host wires them; <paramref name="add"/> adds more parts.</summary>
    internal static Task<IHost> StartAsync(string storePath, IReadOnlyDictionary<string, string?>? settings = null, Action<HostApplicationBuilder>? add = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Rules:Directory"] = RulesPaths.RulesDirectory,
            ["Logging:LogLevel:EarlyWarning.Warnings"] = "Error",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;
        return BenchmarkHosts.StartOnSqliteAsync(storePath, all, builder =>
        {
            builder.AddIngest();
            builder.AddRules();
            add?.Invoke(builder);
        });
    }

    /// <summary>Suicide attacks an hour apart ending now, in turn over the provinces; each province's districts in turn.</summary>
    internal static List<IncidentReported> Reports(IncidentIngest ingest, int count)
    {
        var gazetteer = Gazetteer.Gazetteer.Default;
        var provinces = gazetteer.Provinces
            .Select(p => (Province: p, Districts: gazetteer.DistrictsIn(p).OrderBy(d => d.Id, StringComparer.Ordinal).ToList()))
            .Where(p => p.Districts.Count > 0)
            .ToList();
        var now = DateTimeOffset.UtcNow;
        var run = now.ToUnixTimeSeconds().ToString("x", CultureInfo.InvariantCulture);
        var reports = new List<IncidentReported>(count);
        for (var i = 0; i < count; i++)
        {
            var (province, districts) = provinces[i % provinces.Count];
            var district = districts[(i / provinces.Count) % districts.Count];
            var occurredAt = now - TimeSpan.FromHours(count - i) + TimeSpan.FromMinutes(30);
            var report = new IncidentReported(
                SourceId, $"{run}-{i}", "B", 2, occurredAt + TimeSpan.FromMinutes(10), occurredAt, TimePrecision.Exact,
                new ReportedLocation(province.Name, district.Name, null),
                IncidentTypes.SuicideAttack, [Contracts.Vocabulary.Targets.SecurityForces],
                new Casualties(new SideCasualties(3, 7), null, new SideCasualties(1, null)),
                province.Id == "balochistan" ? "BLA" : "TTP", ClaimStatus.Claimed,
                $"Suicide attack on a security forces post in {district.Name}.");
            if (ingest.Check(report) is { Count: > 0 } errors)
                throw new InvalidOperationException($"the benchmark's report for {district.Name}, {province.Name} is invalid: {string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}"))}");
            reports.Add(report);
        }
        return reports;
    }

    /// <summary>For each measured incident, its warning's recorded-at minus its own, both as the store recorded them.</summary>
    private static async Task<List<TimeSpan>> LatenciesAsync(IEventStore store, HashSet<string> incidentIds)
    {
        var registry = Contracts.ContractTypes.CreateRegistry();
        var recorded = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var raised = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        await foreach (var e in store.ReadAllAsync(GlobalPosition.Start, long.MaxValue, EventFilter.ForStreams(IncidentStreams.IncidentPrefix, WarningStreams.WarningPrefix)))
        {
            switch (registry.Deserialize(e))
            {
                case IncidentRecorded incident when incidentIds.Contains(incident.IncidentId):
                    recorded[incident.IncidentId] = e.RecordedAt;
                    break;
                case WarningRaised warning when warning.Warning.RuleId == RuleId && incidentIds.Contains(warning.Warning.FirstIncidentId):
                    raised[warning.Warning.FirstIncidentId] = e.RecordedAt;
                    break;
            }
        }
        return raised.Select(r => r.Value - recorded[r.Key]).ToList();
    }

    private static async Task<List<long>> AppendLatenciesAsync(IEventStore store, int count)
    {
        var ticks = new List<long>(count);
        var run = Guid.NewGuid().ToString("N")[..8];
        for (var i = -count / 10; i < count; i++)
        {
            var data = new EventData(EventIds.New(), "Benchmark.Probe", $$"""{"n":{{i}}}""");
            var started = Stopwatch.GetTimestamp();
            await store.AppendToStreamAsync(new StreamName($"benchmark-append-{run}-{i + (count / 10)}"), ExpectedRevision.NoStream, data);
            if (i >= 0)
                ticks.Add(Stopwatch.GetTimestamp() - started);
        }
        return ticks;
    }

    internal static async Task WaitAsync(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(30))
                throw new TimeoutException($"waited 30 s for {what}");
            await Task.Delay(1);
        }
    }
}
