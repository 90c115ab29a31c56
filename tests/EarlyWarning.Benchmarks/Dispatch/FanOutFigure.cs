using System.Diagnostics;
using System.Globalization;
using EarlyWarning.Benchmarks.Ingest;
using EarlyWarning.Benchmarks.Rules;
using EarlyWarning.Contracts.Incidents;
using EarlyWarning.Dispatch;
using EarlyWarning.Dispatch.Processing;
using EarlyWarning.EventStore;
using EarlyWarning.Ingest;
using EarlyWarning.Ingest.Pipeline;
using EarlyWarning.Rules.Processing;
using Microsoft.Extensions.DependencyInjection;

namespace EarlyWarning.Benchmarks.Dispatch;

/// <summary>
/// Fan-out of one warning to 100 SOC webhook receivers on 127.0.0.1, embedded mode: ingest, rules and dispatch in
/// one process on SQLite, as the host wires them. Suicide-attack reports go one at a time through ingest; the
/// shipped <c>suicide-attack</c> rule raises a warning on each, and every receiver is a recipient of that rule. The
/// latency runs from the incident event's recorded-at (the store's clock) to the moment the last of the 100
/// receivers had the raise (the same machine's clock). Beside it, in the same run: the same body POSTed by one
/// HttpClient to the same 100 receivers at once, the floor of any fan-out over HTTP on this machine.
/// </summary>
public sealed class FanOutFigure(BenchmarkOptions options, Action<string> progress)
{
    public const int Receivers = 100;
    private const string RuleId = "suicide-attack";

    public static readonly Target LatencyP99 = Target.Below(200);

    public async Task<RulesSection> RunAsync()
    {
        var directory = Path.Combine(options.DataDirectory, "dispatch-fan-out");
        if (Directory.Exists(directory))
            Directory.Delete(directory, recursive: true);
        Directory.CreateDirectory(directory);
        var warmup = options.Count(20, minimum: 5);
        var measured = options.Count(300, minimum: 30);

        progress($"dispatch: starting {Receivers} webhook receivers");
        await using var receivers = await WebhookReceivers.StartAsync(Receivers);
        var settings = new Dictionary<string, string?> { ["Logging:LogLevel:EarlyWarning.Dispatch"] = "Warning" };
        for (var i = 0; i < Receivers; i++)
        {
            settings[$"Dispatch:Recipients:{i}:Name"] = $"soc-{i:000}";
            settings[$"Dispatch:Recipients:{i}:Url"] = receivers.Urls[i].ToString();
            settings[$"Dispatch:Recipients:{i}:Secret"] = $"benchmark-secret-{i:000}";
            settings[$"Dispatch:Recipients:{i}:Filter:Rules:0"] = RuleId;
        }

        progress("dispatch: starting ingest, rules and dispatch");
        var host = await LiveFigure.StartAsync(Path.Combine(directory, "store.db"), settings, builder => builder.AddDispatch());
        try
        {
            var ingest = host.Services.GetRequiredService<IncidentIngest>();
            var rules = host.Services.GetRequiredService<RulesStatus>();
            var dispatch = host.Services.GetRequiredService<DispatchStatus>();
            var store = host.Services.GetRequiredService<IEventStore>();
            await ingest.Ready.WaitAsync(TimeSpan.FromSeconds(60));
            await LiveFigure.WaitAsync(() => rules.CaughtUp && dispatch.CaughtUp, "the rules and the dispatch to follow the store");

            var reports = LiveFigure.Reports(ingest, warmup + measured);
            var measuredIds = new List<string>(measured);
            MachineMeter? meter = null;
            for (var i = 0; i < reports.Count; i++)
            {
                if (i == warmup)
                {
                    progress($"dispatch: {warmup} warm-up warnings delivered; measuring {measured}");
                    meter = MachineMeter.Start();
                }
                var outcome = await ingest.ReportAsync(reports[i], null);
                if (outcome.Status != IngestStatus.Recorded || outcome.IncidentId is not { } incidentId)
                    throw new InvalidOperationException($"report {i} was not recorded as a new incident: {outcome.Status}");
                if (i >= warmup)
                    measuredIds.Add(incidentId);
                // The next report goes once every receiver has this one, so no warning waits behind another.
                await LiveFigure.WaitAsync(() => receivers.Arrivals(incidentId).Count == Receivers, $"all {Receivers} receivers to get the warning of report {i}");
            }
            var machine = meter?.Stop();

            var recorded = await RecordedAtAsync(store, measuredIds.ToHashSet(StringComparer.Ordinal));
            var latencies = measuredIds.Select(id => (receivers.Arrivals(id).Last - recorded[id]).TotalMilliseconds).ToList();
            var summary = Percentiles.Of(latencies);

            progress("dispatch: the raw fan-out, one HttpClient to the same receivers");
            var raw = await RawFanOutAsync(receivers, measured);
            var row = new ReportRow(
                $"Incident recorded → last of {Receivers} webhook receivers has the warning, ingest + rules + dispatch in one process, SQLite ({Format.Count(latencies.Count)} warnings)",
                summary.ToString(),
                LatencyP99.Text,
                LatencyP99.Verdict(summary.P99),
                $"one HttpClient POSTing a 2 KB body to the same {Receivers} receivers at once: {raw}",
                machine?.ToString() ?? "n/a");
            var facts = new List<string>
            {
                $"Receivers: one Kestrel server on {Receivers} ports of 127.0.0.1, each a recipient (`Dispatch:Recipients`, filter `rules: [{RuleId}]`, default delivery policy), reading the JSON body and answering 204",
                $"Reports: {Format.Count(warmup)} warm-up then {Format.Count(measured)} measured suicide attacks, each a new incident and a new `{RuleId}` warning; each sent when every receiver had the last",
                "For comparison: Prometheus Alertmanager waits `group_wait` = 30 s by default before its first notification of a group; Elastic's rules run on a 5-minute interval by default (the first notification can come that late)",
            };
            return new RulesSection("Dispatch fan-out, embedded", facts, [row], []);
        }
        finally
        {
            await BenchmarkHosts.StopAsync(host);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }

    private static async Task<Dictionary<string, DateTimeOffset>> RecordedAtAsync(IEventStore store, HashSet<string> incidentIds)
    {
        var registry = Contracts.ContractTypes.CreateRegistry();
        var recorded = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        await foreach (var e in store.ReadAllAsync(GlobalPosition.Start, long.MaxValue, EventFilter.ForStreams(IncidentStreams.IncidentPrefix)))
        {
            if (registry.Deserialize(e) is IncidentRecorded incident && incidentIds.Contains(incident.IncidentId))
                recorded[incident.IncidentId] = e.RecordedAt;
        }
        return recorded;
    }

    /// <summary>Rounds of one POST to every receiver at once; the time from the first send to the last answer.</summary>
    private static async Task<Percentiles> RawFanOutAsync(WebhookReceivers receivers, int rounds)
    {
        using var http = new HttpClient();
        var body = $$"""{"kind":"updated","warning":{"firstIncidentId":"raw"},"padding":"{{new string('x', 2000)}}"}""";
        var times = new List<double>(rounds);
        for (var round = 0; round < rounds + 5; round++)
        {
            var started = Stopwatch.GetTimestamp();
            await Task.WhenAll(receivers.Urls.Select(async url =>
            {
                using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
                using var response = await http.PostAsync(url, content);
                response.EnsureSuccessStatusCode();
            }));
            if (round >= 5)
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return Percentiles.Of(times);
    }
}
