using System.Diagnostics;
using EarlyWarning.EventStore.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace EarlyWarning.Benchmarks;

/// <summary>The SQLite adapter, in a fresh folder that is deleted afterwards.</summary>
public sealed class SqliteBenchmark(BenchmarkOptions options, Workload workload, Action<string> progress) : IAdapterBenchmark
{
    public string Name => "SQLite";

    public async Task<AdapterReport> RunAsync()
    {
        var directory = Path.Combine(options.DataDirectory, "sqlite");
        Directory.CreateDirectory(directory);
        try
        {
            var facts = new List<string> { $"Load average before: {MachineFacts.LoadAverage()}" };
            var clock = Stopwatch.StartNew();

            // The disk first, while nothing else of ours touches it.
            progress("raw: fsync loops (4 KiB, 1 MiB)");
            var fsync = FsyncProbe.MeasureFlushes(directory, workload.ProbeDuration);
            var bandwidth = FsyncProbe.MeasureBandwidth(directory, workload.ProbeDuration);
            var raw = new SqliteRawLimits(directory, workload, progress);
            var commit = raw.MeasureCommits();

            var storePath = Path.Combine(directory, "store.db");
            StoreResults store;
            Throughput rawRead;
            var settings = new SqliteEventStoreSettings(storePath);
            await using (var eventStore = await SqliteEventStore.OpenAsync(settings, null, NullLogger.Instance))
            {
                facts.Add($"SQLite {SqliteVersion()}, WAL, synchronous={settings.Synchronous}, store file {storePath}");
                store = await new StoreScenarios(eventStore, workload, progress).RunAsync();
                // Right after the store's read, so both find the file equally warm in the page cache.
                progress("raw: plain SELECT over the events table");
                rawRead = raw.MeasureRead(storePath);
            }
            var (oneTransaction, keyOnly, commitEvery100, otherIds) = raw.MeasureInserts();

            facts.Add($"Load average after: {MachineFacts.LoadAverage()}; adapter run took {clock.Elapsed.TotalSeconds:0} s");
            var limits = new SqliteRawResults(fsync, bandwidth, commit, oneTransaction, keyOnly, commitEvery100, otherIds, rawRead);
            return new AdapterReport(Name, facts, Rows(store, limits), RawLimits(limits, workload));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static List<ReportRow> Rows(StoreResults store, SqliteRawResults raw) =>
    [
        ReportRow.Of("1. Append 1 event per transaction, 1 appender", store.SingleAppends, Target.None,
            $"INSERT+COMMIT {Format.Rate(raw.Commit.Rate.PerSecond)}; fsync {Format.Rate(raw.Fsync.Rate.PerSecond)}"),
        ReportRow.Of($"2. Append {Workload.BatchSize}-event batches, 1 appender", store.Batches, Targets.SqliteBatches,
            $"INSERTs, commit every {Workload.BatchSize}: {Format.Rate(raw.InsertCommitEvery100.PerSecond)}; one transaction: {Format.Rate(raw.InsertOneTransaction.PerSecond)}"),
        ReportRow.Of($"3. {Workload.ConcurrentAppenders} concurrent single-event appenders", store.ConcurrentAppends, Targets.ConcurrentAppends,
            $"INSERTs, commit every {Workload.BatchSize}: {Format.Rate(raw.InsertCommitEvery100.PerSecond)}; {Workload.ConcurrentAppenders} × INSERT+COMMIT: {Format.Rate(Workload.ConcurrentAppenders * raw.Commit.Rate.PerSecond)}",
            note: $"{store.ConcurrentEventsPerCommit:0.0} events/commit"),
        ReportRow.Of($"4. Read $all from the start ({Format.Count(store.ReadAll.Count)} events)", store.ReadAll, Targets.ReadAll,
            $"plain SELECT: {Format.Rate(raw.Read.PerSecond)}"),
        ReportRow.Of($"5. Live subscription latency ({Format.Count(store.LiveLatency.Samples)} samples)", store.LiveLatency, Targets.LiveLatencyP99,
            $"append ack {store.AppendAckLatency}; INSERT+COMMIT {raw.Commit.Latency}"),
    ];

    private static List<RawLimitRow> RawLimits(SqliteRawResults raw, Workload workload) =>
    [
        RawLimitRow.Of("a. 4 KiB write + fsync loop, next to the store", raw.Fsync),
        RawLimitRow.Bandwidth("a. 1 MiB write + fsync loop, next to the store", raw.Bandwidth),
        RawLimitRow.Of("a. Single-row INSERT + COMMIT loop, events table copy", raw.Commit),
        RawLimitRow.Of("b. Prepared INSERTs, one transaction, events table with its indexes", raw.InsertOneTransaction),
        RawLimitRow.Of("b. Prepared INSERTs, one transaction, INTEGER PRIMARY KEY only", raw.InsertKeyOnlyOneTransaction),
        RawLimitRow.Of($"b. Prepared INSERTs with indexes, a commit every {Workload.BatchSize} rows", raw.InsertCommitEvery100),
        RawLimitRow.Of($"b. The same, {workload.OtherIdKind}", raw.InsertCommitEvery100OtherIds),
        RawLimitRow.Of("d. Plain SELECT ... ORDER BY position over the store's events", raw.Read),
    ];

    private static string SqliteVersion()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version()";
        return (string)command.ExecuteScalar()!;
    }
}
