using EarlyWarning.EventStore.Adapters;
using Microsoft.Data.Sqlite;

namespace EarlyWarning.EventStore.Sqlite;

/// <summary>
/// The writer's transaction. BEGIN IMMEDIATE takes SQLite's write lock up front, so the head and stream
/// revisions read here stay true until COMMIT, in this process or any other. The statements are prepared
/// once and reused for every batch: the writer is one loop, so one session object serves it.
/// Rows go in multi-row statements because Microsoft.Data.Sqlite's cost per statement execution is
/// several times SQLite's cost per row (docs/benchmarks.md).
/// </summary>
internal sealed class SqliteAppendSession : IAppendSession, IDisposable
{
    private const int LookupChunk = 64;
    private static readonly int[] InsertChunks = [64, 16, 4, 1];

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _head;
    private readonly SqliteCommand _revision;
    private readonly SqliteCommand _findEvents;
    private readonly Dictionary<int, SqliteCommand> _inserts = [];
    private readonly SqliteCommand _checkpoint;
    private SqliteTransaction? _transaction;

    public SqliteAppendSession(SqliteConnection connection)
    {
        _connection = connection;
        _head = Command("SELECT coalesce(max(position), 0) FROM events");
        _revision = Command("SELECT max(revision) FROM events WHERE stream = $stream", "$stream");
        _findEvents = Command(
            "SELECT event_id, stream, revision, position FROM events WHERE event_id IN (" + string.Join(", ", Enumerable.Range(0, LookupChunk).Select(i => $"$i{i}")) + ")",
            [.. Enumerable.Range(0, LookupChunk).Select(i => $"$i{i}")]);
        foreach (var size in InsertChunks)
        {
            _inserts[size] = Command(
                "INSERT INTO events (position, event_id, stream, revision, type, data, metadata, recorded_at) VALUES " +
                string.Join(", ", Enumerable.Range(0, size).Select(i => $"($p{i}, $i{i}, $s{i}, $r{i}, $t{i}, $d{i}, $m{i}, $at)")),
                [.. Enumerable.Range(0, size).SelectMany(i => new[] { $"$p{i}", $"$i{i}", $"$s{i}", $"$r{i}", $"$t{i}", $"$d{i}", $"$m{i}" }), "$at"]);
        }
        _checkpoint = Command(
            "INSERT INTO checkpoints (subscription_id, position, updated_at) VALUES ($id, $position, $at) ON CONFLICT (subscription_id) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at",
            "$id", "$position", "$at");
    }

    private IEnumerable<SqliteCommand> Commands => [_head, _revision, _findEvents, .. _inserts.Values, _checkpoint];

    private SqliteCommand Command(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        return command;
    }

    public Task BeginAsync(CancellationToken cancellationToken)
    {
        _transaction = _connection.BeginTransaction(deferred: false);
        foreach (var command in Commands)
            command.Transaction = _transaction;
        return Task.CompletedTask;
    }

    public Task<AppendState> ReadStateAsync(IReadOnlyCollection<StreamName> streams, IReadOnlyCollection<Guid> eventIds, CancellationToken cancellationToken)
    {
        var head = new GlobalPosition((long)_head.ExecuteScalar()!);

        var revisions = new Dictionary<StreamName, StreamRevision>();
        foreach (var stream in streams)
        {
            _revision.Parameters[0].Value = stream.Value;
            if (_revision.ExecuteScalar() is long revision)
                revisions[stream] = revision;
        }

        var recorded = new Dictionary<Guid, EventLocation>();
        foreach (var chunk in eventIds.Chunk(LookupChunk))
        {
            // A short chunk is padded with its first id: repeats in an IN list change nothing.
            for (var j = 0; j < LookupChunk; j++)
                _findEvents.Parameters[j].Value = EventIdBytes.From(chunk[j < chunk.Length ? j : 0]);
            using var reader = _findEvents.ExecuteReader();
            while (reader.Read())
                recorded[EventIdBytes.ToGuid(reader.GetFieldValue<byte[]>(0))] = new EventLocation(new StreamName(reader.GetString(1)), reader.GetInt64(2), new GlobalPosition(reader.GetInt64(3)));
        }
        return Task.FromResult(new AppendState(head, revisions, recorded));
    }

    public Task InsertAsync(IReadOnlyList<PlannedEvent> events, DateTimeOffset recordedAt, CancellationToken cancellationToken)
    {
        var at = MicrosecondTime.ToMicroseconds(recordedAt);
        var i = 0;
        foreach (var size in InsertChunks)
        {
            var insert = _inserts[size];
            for (; i + size <= events.Count; i += size)
            {
                for (var j = 0; j < size; j++)
                    Bind(insert.Parameters, j * 7, events[i + j]);
                insert.Parameters[size * 7].Value = at;
                insert.ExecuteNonQuery();
            }
        }
        return Task.CompletedTask;
    }

    private static void Bind(SqliteParameterCollection p, int offset, PlannedEvent planned)
    {
        var e = planned.Prepared.Event;
        p[offset].Value = planned.Position.Value;
        p[offset + 1].Value = EventIdBytes.From(e.EventId);
        p[offset + 2].Value = planned.Stream.Value;
        p[offset + 3].Value = planned.Revision.Value;
        p[offset + 4].Value = e.Type;
        p[offset + 5].Value = e.Data.ToArray();
        p[offset + 6].Value = planned.Prepared.MetadataJson;
    }

    public Task SaveCheckpointsAsync(IReadOnlyCollection<Checkpoint> checkpoints, DateTimeOffset savedAt, CancellationToken cancellationToken)
    {
        foreach (var checkpoint in checkpoints)
        {
            _checkpoint.Parameters[0].Value = checkpoint.SubscriptionId;
            _checkpoint.Parameters[1].Value = checkpoint.Position.Value;
            _checkpoint.Parameters[2].Value = MicrosecondTime.ToMicroseconds(savedAt);
            _checkpoint.ExecuteNonQuery();
        }
        return Task.CompletedTask;
    }

    public async Task CommitAsync(GlobalPosition head, CancellationToken cancellationToken)
    {
        await _transaction!.CommitAsync(cancellationToken).ConfigureAwait(false);
        await _transaction.DisposeAsync().ConfigureAwait(false);
        _transaction = null;
    }

    /// <summary>Ends the batch: rolls back whatever was not committed.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.DisposeAsync().ConfigureAwait(false);
            _transaction = null;
        }
    }

    public void Dispose()
    {
        _transaction?.Dispose();
        foreach (var command in Commands)
            command.Dispose();
    }
}
