using EarlyWarning.EventStore.Adapters;
using Microsoft.Data.Sqlite;

namespace EarlyWarning.EventStore.Sqlite;

/// <summary>
/// The writer's transaction. BEGIN IMMEDIATE takes SQLite's write lock up front, so the head and stream
/// revisions read here stay true until COMMIT, in this process or any other. The statements are prepared
/// once and reused for every batch: the writer is one loop, so one session object serves it.
/// </summary>
internal sealed class SqliteAppendSession : IAppendSession, IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _head;
    private readonly SqliteCommand _revision;
    private readonly SqliteCommand _findEvent;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _checkpoint;
    private SqliteTransaction? _transaction;

    public SqliteAppendSession(SqliteConnection connection)
    {
        _connection = connection;
        _head = Command("SELECT coalesce(max(position), 0) FROM events");
        _revision = Command("SELECT max(revision) FROM events WHERE stream = $stream", "$stream");
        _findEvent = Command("SELECT stream, revision, position FROM events WHERE event_id = $id", "$id");
        _insert = Command(
            "INSERT INTO events (position, event_id, stream, revision, type, data, metadata, recorded_at) VALUES ($position, $id, $stream, $revision, $type, $data, $metadata, $at)",
            "$position", "$id", "$stream", "$revision", "$type", "$data", "$metadata", "$at");
        _checkpoint = Command(
            "INSERT INTO checkpoints (subscription_id, position, updated_at) VALUES ($id, $position, $at) ON CONFLICT (subscription_id) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at",
            "$id", "$position", "$at");
    }

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
        foreach (var command in new[] { _head, _revision, _findEvent, _insert, _checkpoint })
            command.Transaction = _transaction;
        return Task.CompletedTask;
    }

    public Task<AppendState> ReadStateAsync(IReadOnlyCollection<StreamName> streams, IReadOnlyCollection<Guid> eventIds, CancellationToken cancellationToken)
    {
        // Point lookups on the indexes: in-process SQLite answers each in microseconds, cheaper than building IN lists.
        var head = new GlobalPosition((long)_head.ExecuteScalar()!);

        var revisions = new Dictionary<StreamName, StreamRevision>();
        foreach (var stream in streams)
        {
            _revision.Parameters[0].Value = stream.Value;
            if (_revision.ExecuteScalar() is long revision)
                revisions[stream] = revision;
        }

        var recorded = new Dictionary<Guid, EventLocation>();
        foreach (var id in eventIds)
        {
            _findEvent.Parameters[0].Value = id.ToByteArray();
            using var reader = _findEvent.ExecuteReader();
            if (reader.Read())
                recorded[id] = new EventLocation(new StreamName(reader.GetString(0)), reader.GetInt64(1), new GlobalPosition(reader.GetInt64(2)));
        }
        return Task.FromResult(new AppendState(head, revisions, recorded));
    }

    public Task InsertAsync(IReadOnlyList<PlannedEvent> events, DateTimeOffset recordedAt, CancellationToken cancellationToken)
    {
        var at = MicrosecondTime.ToMicroseconds(recordedAt);
        var p = _insert.Parameters;
        foreach (var planned in events)
        {
            var e = planned.Prepared.Event;
            p[0].Value = planned.Position.Value;
            p[1].Value = e.EventId.ToByteArray();
            p[2].Value = planned.Stream.Value;
            p[3].Value = planned.Revision.Value;
            p[4].Value = e.Type;
            p[5].Value = e.Data.ToArray();
            p[6].Value = planned.Prepared.MetadataJson;
            p[7].Value = at;
            _insert.ExecuteNonQuery();
        }
        return Task.CompletedTask;
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
        foreach (var command in new[] { _head, _revision, _findEvent, _insert, _checkpoint })
            command.Dispose();
    }
}
