using System.Diagnostics;
using EarlyWarning.EventStore.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace EarlyWarning.Benchmarks;

/// <summary>The PostgreSQL adapter, in a fresh schema that is dropped afterwards.</summary>
public sealed class PostgresBenchmark(BenchmarkOptions options, Workload workload, Action<string> progress) : IAdapterBenchmark
{
    public string Name => "PostgreSQL";

    public async Task<AdapterReport> RunAsync()
    {
        var schema = $"ew_bench_{Guid.NewGuid():N}"[..17];
        var directory = Path.Combine(options.DataDirectory, "postgres");
        Directory.CreateDirectory(directory);
        await using var dataSource = NpgsqlDataSource.Create(options.PostgresConnectionString);
        try
        {
            var facts = new List<string> { $"Load average before: {MachineFacts.LoadAverage()}" };
            facts.AddRange(await ServerFactsAsync(dataSource));
            var clock = Stopwatch.StartNew();

            progress("raw: fsync loops (4 KiB, 1 MiB)");
            var fsync = FsyncProbe.MeasureFlushes(directory, workload.ProbeDuration);
            var bandwidth = FsyncProbe.MeasureBandwidth(directory, workload.ProbeDuration);

            var raw = new PostgresRawLimits(dataSource, schema, workload, progress);
            StoreResults store;
            OperationProbe commit;
            Throughput rawRead;
            var settings = new PostgresEventStoreSettings(options.PostgresConnectionString) { Schema = schema };
            await using (var eventStore = await PostgresEventStore.OpenAsync(settings, null, NullLogger.Instance))
            {
                facts.Add($"Schema {schema} (dropped afterwards)");
                // The raw tables are created LIKE the store's events table, which now exists.
                commit = await raw.MeasureCommitsAsync();
                store = await new StoreScenarios(eventStore, workload, progress).RunAsync();
                progress("raw: plain SELECT over the events table");
                rawRead = await raw.MeasureReadAsync();
            }
            var (unnest, copy, commitEvery100, otherIds) = await raw.MeasureInsertsAsync();

            facts.Add($"Load average after: {MachineFacts.LoadAverage()}; adapter run took {clock.Elapsed.TotalSeconds:0} s");
            var limits = new PostgresRawResults(fsync, bandwidth, commit, unnest, copy, commitEvery100, otherIds, rawRead);
            return new AdapterReport(Name, facts, Rows(store, limits), RawLimits(limits, workload));
        }
        finally
        {
            await using (var drop = dataSource.CreateCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE"))
                await drop.ExecuteNonQueryAsync();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static List<ReportRow> Rows(StoreResults store, PostgresRawResults raw) =>
    [
        ReportRow.Of("1. Append 1 event per transaction, 1 appender", store.SingleAppends, Target.None,
            $"INSERT+COMMIT {Format.Rate(raw.Commit.Rate.PerSecond)}; fsync {Format.Rate(raw.Fsync.Rate.PerSecond)}"),
        ReportRow.Of($"2. Append {Workload.BatchSize}-event batches, 1 appender", store.Batches, Targets.PostgresBatches,
            $"unnest INSERTs, commit every {Workload.BatchSize}: {Format.Rate(raw.UnnestCommitEvery100.PerSecond)}; one transaction: {Format.Rate(raw.UnnestOneTransaction.PerSecond)}; COPY: {Format.Rate(raw.CopyOneTransaction.PerSecond)}"),
        ReportRow.Of($"3. {Workload.ConcurrentAppenders} concurrent single-event appenders", store.ConcurrentAppends, Targets.ConcurrentAppends,
            $"unnest INSERTs, commit every {Workload.BatchSize}: {Format.Rate(raw.UnnestCommitEvery100.PerSecond)}; {Workload.ConcurrentAppenders} × INSERT+COMMIT: {Format.Rate(Workload.ConcurrentAppenders * raw.Commit.Rate.PerSecond)}",
            note: $"{store.ConcurrentEventsPerCommit:0.0} events/commit"),
        ReportRow.Of($"4. Read $all from the start ({Format.Count(store.ReadAll.Count)} events)", store.ReadAll, Targets.ReadAll,
            $"plain SELECT: {Format.Rate(raw.Read.PerSecond)}"),
        ReportRow.Of($"5. Live subscription latency ({Format.Count(store.LiveLatency.Samples)} samples)", store.LiveLatency, Targets.LiveLatencyP99,
            $"append ack {store.AppendAckLatency}; INSERT+COMMIT {raw.Commit.Latency}"),
    ];

    private static List<RawLimitRow> RawLimits(PostgresRawResults raw, Workload workload) =>
    [
        RawLimitRow.Of("a. 4 KiB write + fsync loop, in the data folder", raw.Fsync),
        RawLimitRow.Bandwidth("a. 1 MiB write + fsync loop, in the data folder", raw.Bandwidth),
        RawLimitRow.Of("a. Single-row INSERT + COMMIT loop, plain Npgsql", raw.Commit),
        RawLimitRow.Of($"c. INSERT ... SELECT FROM unnest(...), {Workload.BatchSize} rows a statement, one transaction", raw.UnnestOneTransaction),
        RawLimitRow.Of("c. Binary COPY, one transaction", raw.CopyOneTransaction),
        RawLimitRow.Of($"c. The unnest INSERT, a commit every statement ({Workload.BatchSize} rows)", raw.UnnestCommitEvery100),
        RawLimitRow.Of($"c. The same, {workload.OtherIdKind}", raw.UnnestCommitEvery100OtherIds),
        RawLimitRow.Of("d. Plain SELECT ... ORDER BY position over the store's events", raw.Read),
    ];

    /// <summary>The server settings a durable commit depends on, and the disk its data sits on.</summary>
    private static async Task<List<string>> ServerFactsAsync(NpgsqlDataSource dataSource)
    {
        string Setting(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? "?" : r.GetString(i);
        await using var command = dataSource.CreateCommand(
            "SELECT current_setting('server_version'), current_setting('synchronous_commit'), current_setting('fsync'), " +
            "current_setting('wal_sync_method'), current_setting('shared_buffers'), current_setting('data_directory', true), " +
            "(SELECT coalesce(max(version), 'off') FROM pg_stat_ssl WHERE pid = pg_backend_pid() AND ssl)");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var dataDirectory = reader.IsDBNull(5) ? null : reader.GetString(5);
        var facts = new List<string>
        {
            $"PostgreSQL {Setting(reader, 0)}: synchronous_commit={Setting(reader, 1)}, fsync={Setting(reader, 2)}, " +
            $"wal_sync_method={Setting(reader, 3)}, shared_buffers={Setting(reader, 4)}; TLS on the connection: {Setting(reader, 6)}",
        };
        if (dataDirectory is not null)
            facts.Add($"PostgreSQL data directory {dataDirectory}, on {MachineFacts.Disk(dataDirectory) ?? "a disk not visible from here"}");
        return facts;
    }
}
