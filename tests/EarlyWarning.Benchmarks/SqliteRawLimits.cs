using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace EarlyWarning.Benchmarks;

/// <summary>
/// Plain Microsoft.Data.Sqlite against the same disk and with the store's own settings (WAL, synchronous=FULL,
/// a 64 MiB page cache), in a file of its own next to the store's. The gap between these and the store's
/// figures is what the store itself costs.
/// </summary>
public sealed class SqliteRawLimits(string directory, Workload workload, Action<string> progress)
{
    private const string Columns = "position, event_id, stream, revision, type, data, metadata, recorded_at";

    // The events table of src/EarlyWarning.EventStore.Sqlite/Scripts/1_Schema.sql, under another name.
    private const string IndexedTable = """
        CREATE TABLE {table} (
            position    INTEGER PRIMARY KEY,
            event_id    BLOB    NOT NULL UNIQUE,
            stream      TEXT    NOT NULL,
            revision    INTEGER NOT NULL,
            type        TEXT    NOT NULL,
            data        BLOB    NOT NULL,
            metadata    BLOB    NOT NULL,
            recorded_at INTEGER NOT NULL,
            UNIQUE (stream, revision)
        )
        """;

    private const string KeyOnlyTable = """
        CREATE TABLE {table} (
            position    INTEGER PRIMARY KEY,
            event_id    BLOB    NOT NULL,
            stream      TEXT    NOT NULL,
            revision    INTEGER NOT NULL,
            type        TEXT    NOT NULL,
            data        BLOB    NOT NULL,
            metadata    BLOB    NOT NULL,
            recorded_at INTEGER NOT NULL
        )
        """;

    public string DatabasePath { get; } = Path.Combine(directory, "raw.db");

    /// <summary>One row per transaction, for <see cref="Workload.ProbeDuration"/>: SQLite's own durable commit rate.</summary>
    public OperationProbe MeasureCommits()
    {
        progress("raw: single-row INSERT + COMMIT loop");
        using var connection = OpenForWriting();
        Execute(connection, IndexedTable.Replace("{table}", "commit_loop", StringComparison.Ordinal));
        using var insert = PrepareInsert(connection, "commit_loop");
        long position = 0;

        Throughput Loop(TimeSpan duration, List<long>? latencies)
        {
            var clock = Stopwatch.StartNew();
            long count = 0;
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                using (var transaction = connection.BeginTransaction(deferred: false))
                {
                    insert.Transaction = transaction;
                    position++;
                    SetRow(insert, new RawRow(position, SampleEvents.NewId(workload.TimeOrderedIds), "raw-commit", position));
                    insert.ExecuteNonQuery();
                    transaction.Commit();
                }
                latencies?.Add(Stopwatch.GetTimestamp() - started);
                count++;
            }
            return new Throughput(count, clock.Elapsed);
        }

        Loop(TimeSpan.FromMilliseconds(Math.Min(300, workload.ProbeDuration.TotalMilliseconds / 4)), null);
        var latencies = new List<long>();
        var machine = MachineMeter.Start();
        var rate = Loop(workload.ProbeDuration, latencies);
        return new OperationProbe(rate with { Machine = machine.Stop() }, LatencySummary.FromStopwatchTicks(latencies));
    }

    public (Throughput OneTransaction, Throughput KeyOnlyOneTransaction, Throughput CommitEvery100, Throughput CommitEvery100OtherIds) MeasureInserts()
    {
        using var connection = OpenForWriting();
        var rows = RawRow.Generate(workload.RawRows, "raw", workload.TimeOrderedIds);
        var commitRows = rows[..workload.RawCommitRows];
        var otherIdRows = RawRow.Generate(workload.RawCommitRows, "raw", !workload.TimeOrderedIds);

        progress($"raw: {Format.Count(rows.Length)} INSERTs in one transaction, with the events table's indexes");
        var indexed = WarmThenInsert(connection, "indexed", IndexedTable, rows, rowsPerCommit: int.MaxValue);

        progress($"raw: {Format.Count(rows.Length)} INSERTs in one transaction, INTEGER PRIMARY KEY only");
        var keyOnly = WarmThenInsert(connection, "key_only", KeyOnlyTable, rows, rowsPerCommit: int.MaxValue);

        progress($"raw: {Format.Count(commitRows.Length)} INSERTs, a commit every {Workload.BatchSize}");
        var perCommit = WarmThenInsert(connection, "per_commit", IndexedTable, commitRows, Workload.BatchSize);

        progress($"raw: {Format.Count(commitRows.Length)} INSERTs, a commit every {Workload.BatchSize}, {workload.OtherIdKind}");
        var otherIds = WarmThenInsert(connection, "per_commit_other_ids", IndexedTable, otherIdRows, Workload.BatchSize);

        return (indexed, keyOnly, perCommit, otherIds);
    }

    /// <summary>$all as one plain query over the store's table: the cost of reading the rows, nothing else.</summary>
    public Throughput MeasureRead(string storePath)
    {
        using var connection = Open(storePath, readOnly: true);
        ReadAll(connection, $"SELECT {Columns} FROM events ORDER BY position LIMIT {workload.Warmup(workload.RawRows)}");
        var machine = MachineMeter.Start();
        var read = ReadAll(connection, $"SELECT {Columns} FROM events ORDER BY position");
        return read with { Machine = machine.Stop() };
    }

    /// <summary>A short run into a scratch table first, so the measured one starts with warm code and caches.</summary>
    private Throughput WarmThenInsert(SqliteConnection connection, string table, string ddl, RawRow[] rows, int rowsPerCommit)
    {
        Insert(connection, "warmup_" + table, ddl, rows[..workload.Warmup(rows.Length)], rowsPerCommit);
        var machine = MachineMeter.Start();
        var result = Insert(connection, table, ddl, rows, rowsPerCommit);
        return result with { Machine = machine.Stop() };
    }

    private static Throughput Insert(SqliteConnection connection, string table, string ddl, RawRow[] rows, int rowsPerCommit)
    {
        Execute(connection, ddl.Replace("{table}", table, StringComparison.Ordinal));
        using var insert = PrepareInsert(connection, table);

        var clock = Stopwatch.StartNew();
        var transaction = connection.BeginTransaction(deferred: false);
        insert.Transaction = transaction;
        for (var i = 0; i < rows.Length; i++)
        {
            SetRow(insert, rows[i]);
            insert.ExecuteNonQuery();
            if ((i + 1) % rowsPerCommit == 0 && i + 1 < rows.Length)
            {
                transaction.Commit();
                transaction.Dispose();
                transaction = connection.BeginTransaction(deferred: false);
                insert.Transaction = transaction;
            }
        }
        transaction.Commit();
        var elapsed = clock.Elapsed;
        transaction.Dispose();
        return new Throughput(rows.Length, elapsed);
    }

    private static SqliteCommand PrepareInsert(SqliteConnection connection, string table)
    {
        var insert = connection.CreateCommand();
        insert.CommandText = $"INSERT INTO {table} ({Columns}) VALUES ($position, $id, $stream, $revision, $type, $data, $metadata, $at)";
        foreach (var name in new[] { "$position", "$id", "$stream", "$revision", "$type", "$data", "$metadata", "$at" })
            insert.Parameters.Add(new SqliteParameter { ParameterName = name });
        // Constant for the run: the store too stamps a whole commit with one time.
        insert.Parameters[7].Value = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
        insert.Prepare();
        return insert;
    }

    private static void SetRow(SqliteCommand insert, RawRow row)
    {
        var p = insert.Parameters;
        p[0].Value = row.Position;
        // Big-endian, as the store keeps them (EventIdBytes): time-ordered ids then sort by time in the index.
        p[1].Value = row.EventId.ToByteArray(bigEndian: true);
        p[2].Value = row.Stream;
        p[3].Value = row.Revision;
        p[4].Value = SampleEvents.Type;
        p[5].Value = SampleEvents.Data;
        p[6].Value = SampleEvents.MetadataJson;
    }

    private static Throughput ReadAll(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        long count = 0, bytes = 0;
        var clock = Stopwatch.StartNew();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                // Every column, as the store reads it, but into nothing: no RecordedEvent, no StreamName.
                _ = reader.GetInt64(0);
                _ = reader.GetFieldValue<byte[]>(1);
                _ = reader.GetString(2);
                _ = reader.GetInt64(3);
                _ = reader.GetString(4);
                bytes += reader.GetFieldValue<byte[]>(5).Length;
                _ = reader.GetFieldValue<byte[]>(6);
                _ = reader.GetInt64(7);
                count++;
            }
        }
        var elapsed = clock.Elapsed;
        return bytes > 0 || count == 0 ? new Throughput(count, elapsed) : throw new InvalidOperationException("Read rows without data.");
    }

    /// <summary>The raw file, with the settings SqliteEventStore.OpenAsync gives its writer.</summary>
    private SqliteConnection OpenForWriting()
    {
        var connection = Open(DatabasePath, readOnly: false);
        Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA cache_size=-65536;");
        return connection;
    }

    private static SqliteConnection Open(string path, bool readOnly)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            // A pooled connection would keep the file open after the run, and the folder is deleted.
            Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
