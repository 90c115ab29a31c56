using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace EarlyWarning.Benchmarks;

/// <summary>
/// Plain Npgsql against the same server and database, in the benchmark's schema, into tables created
/// <c>LIKE events INCLUDING ALL</c> so they carry exactly the store's columns, keys and unique indexes.
/// </summary>
public sealed class PostgresRawLimits(NpgsqlDataSource dataSource, string schema, Workload workload, Action<string> progress)
{
    private const string Columns = "position, event_id, stream, revision, type, data, metadata, recorded_at";

    private static readonly NpgsqlDbType[] ColumnTypes =
    [
        NpgsqlDbType.Bigint, NpgsqlDbType.Uuid, NpgsqlDbType.Text, NpgsqlDbType.Bigint,
        NpgsqlDbType.Text, NpgsqlDbType.Bytea, NpgsqlDbType.Bytea, NpgsqlDbType.TimestampTz,
    ];

    /// <summary>One row per transaction, for <see cref="Workload.ProbeDuration"/>: the server's durable commit rate.</summary>
    public async Task<OperationProbe> MeasureCommitsAsync()
    {
        progress("raw: single-row INSERT + COMMIT loop");
        await CreateTableAsync("raw_commit");
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var insert = new NpgsqlCommand(
            $"INSERT INTO {schema}.raw_commit ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)", connection);
        foreach (var type in ColumnTypes)
            insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = type });
        await insert.PrepareAsync();

        long position = 0;
        async Task<Throughput> Loop(TimeSpan duration, List<long>? latencies)
        {
            var clock = Stopwatch.StartNew();
            long count = 0;
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                await using (var transaction = await connection.BeginTransactionAsync())
                {
                    insert.Transaction = transaction;
                    position++;
                    SetRow(insert.Parameters, new RawRow(position, SampleEvents.NewId(workload.TimeOrderedIds), "raw-commit", position), DateTimeOffset.UtcNow);
                    await insert.ExecuteNonQueryAsync();
                    await transaction.CommitAsync();
                }
                latencies?.Add(Stopwatch.GetTimestamp() - started);
                count++;
            }
            return new Throughput(count, clock.Elapsed);
        }

        await Loop(TimeSpan.FromMilliseconds(Math.Min(300, workload.ProbeDuration.TotalMilliseconds / 4)), null);
        var latencies = new List<long>();
        var machine = MachineMeter.Start();
        var rate = await Loop(workload.ProbeDuration, latencies);
        return new OperationProbe(rate with { Machine = machine.Stop() }, LatencySummary.FromStopwatchTicks(latencies));
    }

    public async Task<(Throughput Unnest, Throughput Copy, Throughput UnnestCommitEvery100, Throughput UnnestCommitEvery100OtherIds)> MeasureInsertsAsync()
    {
        var rows = RawRow.Generate(workload.RawRows, "raw", workload.TimeOrderedIds);
        var commitRows = rows[..workload.RawCommitRows];
        var otherIdRows = RawRow.Generate(workload.RawCommitRows, "raw", !workload.TimeOrderedIds);

        progress($"raw: {Format.Count(rows.Length)} rows as unnest INSERTs of {Workload.BatchSize} in one transaction");
        var unnest = await WarmThenMeasureAsync("raw_unnest", rows, (table, r) => InsertUnnestAsync(table, r, commitEachStatement: false));

        progress($"raw: {Format.Count(rows.Length)} rows by binary COPY in one transaction");
        var copy = await WarmThenMeasureAsync("raw_copy", rows, CopyAsync);

        progress($"raw: {Format.Count(commitRows.Length)} rows as unnest INSERTs of {Workload.BatchSize}, a commit each");
        var perCommit = await WarmThenMeasureAsync("raw_unnest_commit", commitRows, (table, r) => InsertUnnestAsync(table, r, commitEachStatement: true));

        progress($"raw: {Format.Count(commitRows.Length)} rows as unnest INSERTs of {Workload.BatchSize}, a commit each, {workload.OtherIdKind}");
        var otherIds = await WarmThenMeasureAsync("raw_unnest_commit_other_ids", otherIdRows, (table, r) => InsertUnnestAsync(table, r, commitEachStatement: true));

        return (unnest, copy, perCommit, otherIds);
    }

    /// <summary>$all as one plain query over the store's table, read column by column into nothing.</summary>
    public async Task<Throughput> MeasureReadAsync()
    {
        await ReadAllAsync($"SELECT {Columns} FROM {schema}.events ORDER BY position LIMIT {workload.Warmup(workload.RawRows)}");
        var machine = MachineMeter.Start();
        var read = await ReadAllAsync($"SELECT {Columns} FROM {schema}.events ORDER BY position");
        return read with { Machine = machine.Stop() };
    }

    /// <summary>A short run into a scratch table first, so the measured one starts with warm code, plans and caches.</summary>
    private async Task<Throughput> WarmThenMeasureAsync(string table, RawRow[] rows, Func<string, RawRow[], Task<Throughput>> insert)
    {
        await insert("warmup_" + table, rows[..workload.Warmup(rows.Length)]);
        var machine = MachineMeter.Start();
        var result = await insert(table, rows);
        return result with { Machine = machine.Stop() };
    }

    private async Task<Throughput> InsertUnnestAsync(string table, RawRow[] rows, bool commitEachStatement)
    {
        await CreateTableAsync(table);
        await using var connection = await dataSource.OpenConnectionAsync();
        // The statement the store's PostgresAppendSession.InsertAsync sends, prepared once as a raw limit should be.
        await using var insert = new NpgsqlCommand(
            $"INSERT INTO {schema}.{table} ({Columns}) SELECT p, i, s, r, t, d, m, $8 " +
            "FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::bigint[], $5::text[], $6::bytea[], $7::bytea[]) AS x(p, i, s, r, t, d, m)",
            connection);
        foreach (var type in ColumnTypes[..^1])
            insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | type });
        insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = ColumnTypes[^1] });
        await insert.PrepareAsync();

        var clock = Stopwatch.StartNew();
        var transaction = await connection.BeginTransactionAsync();
        for (var start = 0; start < rows.Length; start += Workload.BatchSize)
        {
            var chunk = rows.AsSpan(start, Math.Min(Workload.BatchSize, rows.Length - start)).ToArray();
            insert.Transaction = transaction;
            insert.Parameters[0].Value = chunk.Select(r => r.Position).ToArray();
            insert.Parameters[1].Value = chunk.Select(r => r.EventId).ToArray();
            insert.Parameters[2].Value = chunk.Select(r => r.Stream).ToArray();
            insert.Parameters[3].Value = chunk.Select(r => r.Revision).ToArray();
            insert.Parameters[4].Value = chunk.Select(_ => SampleEvents.Type).ToArray();
            insert.Parameters[5].Value = chunk.Select(_ => SampleEvents.Data).ToArray();
            insert.Parameters[6].Value = chunk.Select(_ => SampleEvents.MetadataJson).ToArray();
            insert.Parameters[7].Value = DateTimeOffset.UtcNow;
            await insert.ExecuteNonQueryAsync();
            if (commitEachStatement)
            {
                await transaction.CommitAsync();
                await transaction.DisposeAsync();
                transaction = await connection.BeginTransactionAsync();
            }
        }
        await transaction.CommitAsync();
        var elapsed = clock.Elapsed;
        await transaction.DisposeAsync();
        return new Throughput(rows.Length, elapsed);
    }

    private async Task<Throughput> CopyAsync(string table, RawRow[] rows)
    {
        await CreateTableAsync(table);
        await using var connection = await dataSource.OpenConnectionAsync();
        var at = DateTimeOffset.UtcNow;

        var clock = Stopwatch.StartNew();
        await using var transaction = await connection.BeginTransactionAsync();
        // The synchronous writer: the async one awaits per column, which would measure the awaits, not COPY.
        using (var copy = connection.BeginBinaryImport($"COPY {schema}.{table} ({Columns}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var row in rows)
            {
                copy.StartRow();
                copy.Write(row.Position, NpgsqlDbType.Bigint);
                copy.Write(row.EventId, NpgsqlDbType.Uuid);
                copy.Write(row.Stream, NpgsqlDbType.Text);
                copy.Write(row.Revision, NpgsqlDbType.Bigint);
                copy.Write(SampleEvents.Type, NpgsqlDbType.Text);
                copy.Write(SampleEvents.Data, NpgsqlDbType.Bytea);
                copy.Write(SampleEvents.MetadataJson, NpgsqlDbType.Bytea);
                copy.Write(at, NpgsqlDbType.TimestampTz);
            }
            copy.Complete();
        }
        await transaction.CommitAsync();
        return new Throughput(rows.Length, clock.Elapsed);
    }

    private async Task<Throughput> ReadAllAsync(string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        long count = 0, bytes = 0;
        var clock = Stopwatch.StartNew();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                _ = reader.GetInt64(0);
                _ = reader.GetGuid(1);
                _ = reader.GetString(2);
                _ = reader.GetInt64(3);
                _ = reader.GetString(4);
                bytes += reader.GetFieldValue<byte[]>(5).Length;
                _ = reader.GetFieldValue<byte[]>(6);
                _ = reader.GetFieldValue<DateTimeOffset>(7);
                count++;
            }
        }
        var elapsed = clock.Elapsed;
        return bytes > 0 || count == 0 ? new Throughput(count, elapsed) : throw new InvalidOperationException("Read rows without data.");
    }

    private async Task CreateTableAsync(string table)
    {
        await using var command = dataSource.CreateCommand($"CREATE TABLE {schema}.{table} (LIKE {schema}.events INCLUDING ALL)");
        await command.ExecuteNonQueryAsync();
    }

    private static void SetRow(NpgsqlParameterCollection p, RawRow row, DateTimeOffset at)
    {
        p[0].Value = row.Position;
        p[1].Value = row.EventId;
        p[2].Value = row.Stream;
        p[3].Value = row.Revision;
        p[4].Value = SampleEvents.Type;
        p[5].Value = SampleEvents.Data;
        p[6].Value = SampleEvents.MetadataJson;
        p[7].Value = at;
    }
}
