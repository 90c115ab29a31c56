using System.Globalization;
using EarlyWarning.Contracts.Reports;
using EarlyWarning.EventStore;
using EarlyWarning.EventStore.Postgres;
using EarlyWarning.Ingest;
using EarlyWarning.Ingest.Pipeline;
using EarlyWarning.Ingest.Validation;
using EarlyWarning.ServiceDefaults.Bus;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace EarlyWarning.Benchmarks.Ingest;

/// <summary>
/// One mode's whole measurement. First the raw bus: the same reports published to a consumer that does
/// nothing, flat out and at the fixed rate. Then ingest, configured as the ingest service is, in a fresh
/// store: flat out over the bus, then the same work without the bus (<see cref="IncidentIngest"/> called
/// directly) and the bare store on ingest's appends, which together say where the time goes; last the
/// fixed-rate latency, from publish to a live store subscriber. Every broker resource (a virtual host per
/// part) and the store (a PostgreSQL schema or a SQLite file) is fresh and removed afterwards.
/// </summary>
public sealed class IngestBenchmark(IngestMode mode, BenchmarkOptions options, Action<string> progress)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private readonly IngestWorkload _workload = IngestWorkload.For(mode, options);

    private sealed record ReportSets(
        IReadOnlyList<(Guid MessageId, IncidentReported Report)> Warmup,
        IReadOnlyList<(Guid MessageId, IncidentReported Report)> Flood,
        IReadOnlyList<(Guid MessageId, IncidentReported Report)> Direct,
        IReadOnlyList<StreamAppend[]> Units,
        IReadOnlyList<(Guid MessageId, IncidentReported Report)> Paced);

    private sealed record RawResults(Throughput Delivered, Throughput Published, double? Broker, LatencySummary Latency, LatencySummary Confirm, double? LatencyBroker, string Gc);

    public async Task<IngestReport> RunAsync()
    {
        var w = _workload;
        progress($"{mode.Name}: generating {Format.Count(w.Warmup + 3L * w.Reports + w.LatencyReports)} reports");
        var validator = new ReportValidator(Gazetteer.Gazetteer.Default, new IngestOptions(), TimeProvider.System);
        var generator = new ReportGenerator(w.Warmup + 3L * w.Reports + w.LatencyReports, w.CorroboratingShare);
        var sets = new ReportSets(
            Generate(generator, validator, w.Warmup),
            Generate(generator, validator, w.Reports),
            Generate(generator, validator, w.Reports),
            IngestUnits.Build(Generate(generator, validator, w.Reports), validator),
            Generate(generator, validator, w.LatencyReports));

        var bus = BusConfiguration.From(new ConfigurationBuilder().AddInMemoryCollection(Configuration(null, null, null)).Build());
        var facts = new List<string>
        {
            $"Load average before: {MachineFacts.LoadAverage()}",
            $"Bus: {mode.Transport}, PrefetchCount {bus.PrefetchCount}, ConcurrentMessageLimit {bus.ConcurrentMessageLimit}, retry limit {bus.RetryLimit}" +
                (mode.UsesBroker ? "; quorum queues, publisher confirms" : ""),
            $"Reports: {Format.Count(w.Reports)} per throughput figure after {Format.Count(w.Warmup)} to warm up; {Format.Count(w.LatencyReports)} at {Format.Count(w.LatencyRate)}/s for the latency; " +
                $"{Format.Percent(w.CorroboratingShare)} are a second source's report of an attack already reported; {Gazetteer.Gazetteer.Default.Districts.Count} districts in turn",
            $"Publishing: {w.Publishers} publishes in flight for the throughput figures, " +
                (mode.UsesBroker ? "through a bus of its own (its own connection to the broker), as a feed would" : "through the host's own bus (the in-memory transport lives inside one bus)"),
        };
        if (mode.UsesBroker)
            facts.Add($"{await BrokerVirtualHost.DescribeAsync()}; a fresh virtual host for the raw bus and another for ingest (deleted afterwards)");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var raw = await MeasureRawBusAsync(sets);
        var (rows, details) = await MeasureIngestAsync(sets, raw, bus, facts);

        facts.Add($"Load average after: {MachineFacts.LoadAverage()}; this mode took {clock.Elapsed.TotalSeconds:0} s");
        return new IngestReport(mode.Name, facts, rows, details);
    }

    private static IReadOnlyList<(Guid MessageId, IncidentReported Report)> Generate(ReportGenerator generator, ReportValidator validator, int count)
    {
        var reports = generator.Next(count);
        foreach (var (_, report) in reports)
        {
            if (validator.Validate(report) is { IsValid: false } invalid)
                throw new InvalidOperationException($"The generator made an invalid report {report.ReportId}: {string.Join("; ", invalid.Errors.Select(e => $"{e.Field} {e.Message}"))}");
        }
        return reports;
    }

    // ---- the raw bus ----

    private async Task<RawResults> MeasureRawBusAsync(ReportSets sets)
    {
        await using var virtualHost = mode.UsesBroker ? await BrokerVirtualHost.CreateAsync() : null;
        var configuration = Configuration(virtualHost?.Uri, null, null);
        var arrivals = new Arrivals();
        progress($"{mode.Name}: raw bus, publish → consumer that does nothing");
        var consumerHost = await BenchmarkHosts.StartRawAsync(configuration, arrivals);
        var publisherHost = mode.UsesBroker ? await BenchmarkHosts.StartPublisherAsync(configuration) : consumerHost;
        try
        {
            var publisher = new Publisher(publisherHost.Services.GetRequiredService<IBus>(), arrivals);
            progress($"raw bus: warm-up, then {Format.Count(sets.Flood.Count)} flat out");
            await FloodAsync(publisher, arrivals, sets.Warmup);
            var (delivered, published, broker) = await FloodAsync(publisher, arrivals, sets.Flood);

            progress($"raw bus: {Format.Count(sets.Paced.Count)} at {Format.Count(_workload.LatencyRate)}/s");
            var (latency, confirm, latencyBroker) = await PaceAsync(publisher, arrivals, sets.Paced);
            return new RawResults(delivered, published, broker, latency, confirm, latencyBroker, GcDuringLastRun());
        }
        finally
        {
            if (publisherHost != consumerHost)
                await BenchmarkHosts.StopAsync(publisherHost);
            await BenchmarkHosts.StopAsync(consumerHost);
        }
    }

    // ---- ingest ----

    private async Task<(List<ReportRow>, List<RawLimitRow>)> MeasureIngestAsync(ReportSets sets, RawResults raw, BusConfiguration bus, List<string> facts)
    {
        await using var virtualHost = mode.UsesBroker ? await BrokerVirtualHost.CreateAsync() : null;
        var schema = mode.Adapter == "postgres" ? $"ew_ingest_{Guid.NewGuid():N}"[..18] : null;
        var sqlitePath = mode.Adapter == "sqlite" ? Path.Combine(options.DataDirectory, $"ingest-{Guid.NewGuid():N}.db"[..15]) : null;
        var configuration = Configuration(virtualHost?.Uri, schema, sqlitePath);
        facts.Add(schema is not null
            ? $"Store: PostgreSQL schema {schema} (dropped afterwards); the subscriber is a second store instance on it, woken by NOTIFY as another service would be"
            : $"Store: SQLite {sqlitePath} (deleted afterwards); the subscriber uses the host's store, as the embedded host's own subscribers do");

        progress($"{mode.Name}: ingest, publish → store");
        IHost? host = null, publisherHost = null;
        IEventStore? subscriberStore = null;
        try
        {
            host = await BenchmarkHosts.StartIngestAsync(configuration);
            publisherHost = mode.UsesBroker ? await BenchmarkHosts.StartPublisherAsync(configuration) : host;
            var store = host.Services.GetRequiredService<IEventStore>();
            subscriberStore = schema is not null
                ? await PostgresEventStore.OpenAsync(new PostgresEventStoreSettings(options.PostgresConnectionString) { Schema = schema }, null, NullLogger.Instance)
                : store;
            var arrivals = new Arrivals();
            await using var follower = await StoreFollower.StartAsync(subscriberStore, arrivals);
            var timer = new ConsumeTimer(arrivals);
            var observer = host.Services.GetRequiredService<IBus>().ConnectConsumeObserver(timer);
            var publisher = new Publisher(publisherHost.Services.GetRequiredService<IBus>(), arrivals);

            progress($"ingest over the bus: warm-up, then {Format.Count(sets.Flood.Count)} flat out");
            await FloodAsync(publisher, arrivals, sets.Warmup);
            follower.Reset();
            timer.Reset();
            var (stored, published, broker) = await FloodAsync(publisher, arrivals, sets.Flood);
            var (floodCommits, floodCorroborations, floodRejections) = (follower.Commits, follower.Corroborations, follower.Rejections);
            var concurrency = timer.Concurrency;
            var faults = timer.Faults;

            progress($"ingest without the bus: {Format.Count(sets.Direct.Count)} through IncidentIngest, {bus.ConcurrentMessageLimit} callers");
            follower.Reset();
            var (direct, directStatuses) = await DirectAsync(host.Services.GetRequiredService<IncidentIngest>(), arrivals, sets.Direct, bus.ConcurrentMessageLimit);
            var directCommits = follower.Commits;

            progress($"bare store: {Format.Count(sets.Units.Count)} of ingest's appends, {bus.ConcurrentMessageLimit} appenders");
            follower.Reset();
            var units = await AppendUnitsAsync(store, arrivals, sets.Units, bus.ConcurrentMessageLimit);
            var unitCommits = follower.Commits;

            progress($"ingest over the bus: {Format.Count(sets.Paced.Count)} at {Format.Count(_workload.LatencyRate)}/s");
            follower.Reset();
            timer.Reset();
            var checkpointsBefore = schema is not null ? await CheckpointsAsync() : null;
            var (latency, confirm, latencyBroker) = await PaceAsync(publisher, arrivals, sets.Paced);
            var (delivery, handling) = (timer.Delivery(), timer.Handling());
            var ingestGc = GcDuringLastRun();
            var checkpoints = checkpointsBefore is { } before && await CheckpointsAsync() is { } after ? $"; PostgreSQL checkpoints meanwhile: {after - before}" : "";
            var latencyRejections = follower.Rejections;
            observer.Disconnect();

            if (floodRejections + latencyRejections > 0 || faults > 0)
                facts.Add($"**Ingest refused {floodRejections + latencyRejections} of the generated reports and {faults} consumes faulted**: the figures are not what they claim");

            var rows = new List<ReportRow>
            {
                Row($"1. Sustained ingest, publish → in the store ({Format.Count(stored.Count)} reports, {Format.Percent((double)floodCorroborations / stored.Count)} corroborating)",
                    stored, mode.Throughput,
                    $"raw bus (consumer does nothing): {Format.Rate(raw.Delivered.PerSecond)}; ingest without the bus: {Format.Rate(direct.PerSecond)}; bare store, ingest's appends: {Format.Rate(units.PerSecond)}",
                    broker),
                new($"2. Report → recorded at {Format.Count(_workload.LatencyRate)}/s, publish → live store subscriber ({Format.Count(latency.Samples)} reports)",
                    latency.ToString(), IngestTargets.LatencyP99.Text, IngestTargets.LatencyP99.Verdict(latency.P99),
                    $"raw bus, publish → consumer: {raw.Latency}", $"{latency.Machine}{Broker(latencyBroker)}"),
            };
            var details = new List<RawLimitRow>
            {
                Detail($"a. Raw bus: publish → a consumer that does nothing, {Format.Count(raw.Delivered.Count)} flat out",
                    $"{raw.Delivered}; publishes completed at {Format.Rate(raw.Published.PerSecond)}", raw.Delivered, raw.Broker),
                Detail($"b. Ingest over the bus, publish → in the store ({Format.Count(stored.Count)})",
                    $"{stored}; publishes completed at {Format.Rate(published.PerSecond)}; {PerCommit(stored.Count, floodCommits)} reports per commit; " +
                    $"in the consumers at once: mean {concurrency.Mean:0} (most {concurrency.Max}) of {bus.ConcurrentMessageLimit}",
                    stored, broker),
                Detail($"c. Ingest without the bus: IncidentIngest.ReportAsync from {bus.ConcurrentMessageLimit} callers ({Format.Count(direct.Count)})",
                    $"{direct}; {PerCommit(direct.Count, directCommits)} reports per commit; {directStatuses}", direct, null),
                Detail($"d. Bare store: ingest's appends (ReportAccepted + IncidentRecorded, two streams, one unit) from {bus.ConcurrentMessageLimit} appenders ({Format.Count(units.Count)})",
                    $"{units}; {PerCommit(units.Count, unitCommits)} reports per commit", units, null),
                new($"e. At {Format.Count(_workload.LatencyRate)}/s: publish → publish completed (raw bus / ingest)",
                    $"{raw.Confirm} / {confirm}", ""),
                new($"f. At {Format.Count(_workload.LatencyRate)}/s, ingest: publish → consumer entered (the bus's share)", delivery.ToString(), ""),
                new($"g. At {Format.Count(_workload.LatencyRate)}/s, ingest: consumer entered → ingest answered (validate, loop, commit)", handling.ToString(), ""),
                new($"h. At {Format.Count(_workload.LatencyRate)}/s, ingest: publish → live store subscriber", $"{latency}; {ingestGc}{checkpoints}", $"{latency.Machine}{Broker(latencyBroker)}"),
                new($"i. At {Format.Count(_workload.LatencyRate)}/s, raw bus: publish → consumer", $"{raw.Latency}; {raw.Gc}", $"{raw.Latency.Machine}{Broker(raw.LatencyBroker)}"),
            };
            return (rows, details);
        }
        finally
        {
            if (subscriberStore is not null && host is not null && subscriberStore != host.Services.GetRequiredService<IEventStore>())
                await subscriberStore.DisposeAsync();
            if (publisherHost is not null && publisherHost != host)
                await BenchmarkHosts.StopAsync(publisherHost);
            if (host is not null)
                await BenchmarkHosts.StopAsync(host);
            if (schema is not null)
                await DropSchemaAsync(schema);
            if (sqlitePath is not null)
            {
                foreach (var file in new[] { sqlitePath, sqlitePath + "-wal", sqlitePath + "-shm" })
                    File.Delete(file);
            }
        }
    }

    // ---- the measurements ----

    /// <summary>Publishes flat out; the figure runs from the first publish until the last report has arrived.</summary>
    private async Task<(Throughput Arrived, Throughput Published, double? Broker)> FloodAsync(
        Publisher publisher, Arrivals arrivals, IReadOnlyList<(Guid MessageId, IncidentReported Report)> reports)
    {
        arrivals.Expect(reports.Count, timed: false);
        var machine = MachineMeter.Start();
        var broker = BrokerMeter.Start();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var published = await publisher.FloodAsync(reports, _workload.Publishers);
        await WaitForAsync(arrivals, reports.Count);
        var elapsed = clock.Elapsed;
        return (new Throughput(reports.Count, elapsed) { Machine = machine.Stop() }, published, broker.Stop());
    }

    private async Task<(LatencySummary Latency, LatencySummary Confirm, double? Broker)> PaceAsync(
        Publisher publisher, Arrivals arrivals, IReadOnlyList<(Guid MessageId, IncidentReported Report)> reports)
    {
        arrivals.Expect(reports.Count, timed: true);
        var (paused, gen2) = (GC.GetTotalPauseDuration(), GC.CollectionCount(2));
        var machine = MachineMeter.Start();
        var broker = BrokerMeter.Start();
        var confirm = await publisher.PaceAsync(reports, _workload.LatencyRate);
        await WaitForAsync(arrivals, reports.Count);
        _lastGc = (GC.GetTotalPauseDuration() - paused, GC.CollectionCount(2) - gen2);
        return (arrivals.Latency() with { Machine = machine.Stop() }, confirm, broker.Stop());
    }

    // This process's garbage collections during the last fixed-rate run: a pause there is latency for every report in flight.
    private (TimeSpan Paused, int Gen2) _lastGc;

    private string GcDuringLastRun() => $"GC paused this process {_lastGc.Paused.TotalMilliseconds:0} ms in all, {_lastGc.Gen2} gen2 collections";

    /// <summary><paramref name="callers"/> callers, each awaiting ingest's durable answer before its next report, as the consumers do.</summary>
    private static async Task<(Throughput, string)> DirectAsync(
        IncidentIngest ingest, Arrivals arrivals, IReadOnlyList<(Guid MessageId, IncidentReported Report)> reports, int callers)
    {
        arrivals.Expect(reports.Count, timed: false);
        var statuses = new int[Enum.GetValues<IngestStatus>().Length];
        var next = -1;
        var machine = MachineMeter.Start();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < reports.Count)
            {
                var outcome = await ingest.ReportAsync(reports[i].Report, reports[i].MessageId.ToString());
                Interlocked.Increment(ref statuses[(int)outcome.Status]);
            }
        })));
        var result = new Throughput(reports.Count, clock.Elapsed) { Machine = machine.Stop() };
        await WaitForAsync(arrivals, reports.Count);
        var counted = string.Join(", ", Enum.GetValues<IngestStatus>().Where(s => statuses[(int)s] > 0).Select(s => $"{s.ToString().ToLowerInvariant()} {Format.Count(statuses[(int)s])}"));
        return (result, counted);
    }

    private static async Task<Throughput> AppendUnitsAsync(IEventStore store, Arrivals arrivals, IReadOnlyList<StreamAppend[]> units, int appenders)
    {
        arrivals.Expect(units.Count, timed: false);
        var next = -1;
        var machine = MachineMeter.Start();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, appenders).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < units.Count)
                await store.AppendAsync(units[i]);
        })));
        var result = new Throughput(units.Count, clock.Elapsed) { Machine = machine.Stop() };
        await WaitForAsync(arrivals, units.Count);
        return result;
    }

    /// <summary>Waits for every arrival, allowing a rate far below any target before calling it stuck.</summary>
    private static async Task WaitForAsync(Arrivals arrivals, int count)
    {
        var patience = TimeSpan.FromSeconds(60 + count / 200.0);
        try
        {
            await arrivals.All.WaitAsync(patience);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Only {Format.Count(arrivals.Count)} of {Format.Count(count)} reports arrived within {patience.TotalSeconds:0} s.");
        }
    }

    // ---- rows ----

    private static ReportRow Row(string scenario, Throughput measured, Target target, string rawLimit, double? broker) =>
        ReportRow.Of(scenario, measured, target, rawLimit) with { Machine = ReportRow.MachineCell(measured) + Broker(broker) };

    private static RawLimitRow Detail(string measurement, string result, Throughput measured, double? broker) =>
        new(measurement, result, ReportRow.MachineCell(measured) + Broker(broker));

    private static string Broker(double? cores) => cores is { } c ? $"; RabbitMQ {c.ToString("0.00", Invariant)} cores" : "";

    private static string PerCommit(long reports, int commits) => commits == 0 ? "?" : (reports / (double)commits).ToString("0.0", Invariant);

    // ---- configuration and resources ----

    /// <summary>The keys the services read, set for this mode.</summary>
    private Dictionary<string, string?> Configuration(string? rabbitMqUri, string? schema, string? sqlitePath)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:Console:LogToStandardErrorThreshold"] = "Trace",
            ["Bus:Transport"] = mode.Transport,
            ["EventStore:Adapter"] = mode.Adapter,
        };
        if (options.PrefetchCount is { } prefetch)
            configuration["Bus:PrefetchCount"] = prefetch.ToString(Invariant);
        if (options.ConcurrentMessageLimit is { } limit)
            configuration["Bus:ConcurrentMessageLimit"] = limit.ToString(Invariant);
        if (rabbitMqUri is not null)
            configuration["ConnectionStrings:RabbitMq"] = rabbitMqUri;
        if (schema is not null)
        {
            configuration["ConnectionStrings:EventStore"] = options.PostgresConnectionString;
            configuration["EventStore:Postgres:Schema"] = schema;
        }
        if (sqlitePath is not null)
            configuration["EventStore:Sqlite:Path"] = sqlitePath;
        return configuration;
    }

    /// <summary>The server's checkpoints so far: a checkpoint's writes compete with every other fsync on the disk.</summary>
    private async Task<long?> CheckpointsAsync()
    {
        await using var dataSource = NpgsqlDataSource.Create(options.PostgresConnectionString);
        // PostgreSQL 17 moved these counters to pg_stat_checkpointer; there the figure is left out.
        await using var command = dataSource.CreateCommand("SELECT checkpoints_timed + checkpoints_req FROM pg_stat_bgwriter");
        try
        {
            return Convert.ToInt64(await command.ExecuteScalarAsync(), Invariant);
        }
        catch (PostgresException)
        {
            return null;
        }
    }

    private async Task DropSchemaAsync(string schema)
    {
        await using var dataSource = NpgsqlDataSource.Create(options.PostgresConnectionString);
        await using var drop = dataSource.CreateCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE");
        await drop.ExecuteNonQueryAsync();
    }
}
