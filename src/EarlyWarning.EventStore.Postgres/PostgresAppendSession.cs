using EarlyWarning.EventStore.Adapters;
using Npgsql;
using NpgsqlTypes;

namespace EarlyWarning.EventStore.Postgres;

/// <summary>
/// One write transaction in three round trips: lock and read state; insert, checkpoint and NOTIFY; commit.
/// The advisory lock is transaction-scoped, so PostgreSQL releases it after the commit is visible, never before:
/// the next writer's positions are always higher than everything any reader can already see.
/// </summary>
internal sealed class PostgresAppendSession(PostgresEventStore store, NpgsqlConnection connection, NpgsqlTransaction transaction) : IAppendSession
{
    private readonly NpgsqlBatch _write = new(connection, transaction);
    private bool _committed;

    public async Task<AppendState> ReadStateAsync(IReadOnlyCollection<StreamName> streams, IReadOnlyCollection<Guid> eventIds, CancellationToken cancellationToken)
    {
        var batch = new NpgsqlBatch(connection, transaction);
        await using (batch.ConfigureAwait(false))
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT pg_advisory_xact_lock({store.WriteLockKey})"));
            batch.BatchCommands.Add(new NpgsqlBatchCommand(store.Sql("SELECT coalesce(max(position), 0) FROM {schema}.events")));
            var revisions = new NpgsqlBatchCommand(store.Sql(
                "SELECT s.stream, (SELECT max(revision) FROM {schema}.events e WHERE e.stream = s.stream) FROM unnest($1::text[]) AS s(stream)"));
            revisions.Parameters.Add(new NpgsqlParameter { Value = streams.Select(s => s.Value).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            batch.BatchCommands.Add(revisions);
            var recorded = new NpgsqlBatchCommand(store.Sql("SELECT event_id, stream, revision, position FROM {schema}.events WHERE event_id = ANY($1)"));
            recorded.Parameters.Add(new NpgsqlParameter { Value = eventIds.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
            batch.BatchCommands.Add(recorded);

            var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                var head = new GlobalPosition(reader.GetInt64(0));

                await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                var streamRevisions = new Dictionary<StreamName, StreamRevision>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (!reader.IsDBNull(1))
                        streamRevisions[new StreamName(reader.GetString(0))] = reader.GetInt64(1);
                }

                await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                var locations = new Dictionary<Guid, EventLocation>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    locations[reader.GetGuid(0)] = new EventLocation(new StreamName(reader.GetString(1)), reader.GetInt64(2), new GlobalPosition(reader.GetInt64(3)));
                return new AppendState(head, streamRevisions, locations);
            }
        }
    }

    public Task InsertAsync(IReadOnlyList<PlannedEvent> events, DateTimeOffset recordedAt, CancellationToken cancellationToken)
    {
        var insert = new NpgsqlBatchCommand(store.Sql(
            "INSERT INTO {schema}.events (position, event_id, stream, revision, type, data, metadata, recorded_at) " +
            "SELECT p, i, s, r, t, d, m, $8 FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::bigint[], $5::text[], $6::bytea[], $7::bytea[]) AS x(p, i, s, r, t, d, m)"));
        insert.Parameters.Add(Array(events.Select(e => e.Position.Value), NpgsqlDbType.Bigint));
        insert.Parameters.Add(Array(events.Select(e => e.Prepared.Event.EventId), NpgsqlDbType.Uuid));
        insert.Parameters.Add(Array(events.Select(e => e.Stream.Value), NpgsqlDbType.Text));
        insert.Parameters.Add(Array(events.Select(e => e.Revision.Value), NpgsqlDbType.Bigint));
        insert.Parameters.Add(Array(events.Select(e => e.Prepared.Event.Type), NpgsqlDbType.Text));
        insert.Parameters.Add(Array(events.Select(e => e.Prepared.Event.Data.ToArray()), NpgsqlDbType.Bytea));
        insert.Parameters.Add(Array(events.Select(e => e.Prepared.MetadataJson), NpgsqlDbType.Bytea));
        insert.Parameters.Add(new NpgsqlParameter { Value = recordedAt, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        _write.BatchCommands.Add(insert);
        return Task.CompletedTask;
    }

    public Task SaveCheckpointsAsync(IReadOnlyCollection<Checkpoint> checkpoints, DateTimeOffset savedAt, CancellationToken cancellationToken)
    {
        var upsert = new NpgsqlBatchCommand(store.Sql(
            "INSERT INTO {schema}.checkpoints (subscription_id, position, updated_at) SELECT i, p, $3 FROM unnest($1::text[], $2::bigint[]) AS x(i, p) " +
            "ON CONFLICT (subscription_id) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at"));
        upsert.Parameters.Add(Array(checkpoints.Select(c => c.SubscriptionId), NpgsqlDbType.Text));
        upsert.Parameters.Add(Array(checkpoints.Select(c => c.Position.Value), NpgsqlDbType.Bigint));
        upsert.Parameters.Add(new NpgsqlParameter { Value = savedAt, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        _write.BatchCommands.Add(upsert);
        return Task.CompletedTask;
    }

    public async Task CommitAsync(GlobalPosition head, CancellationToken cancellationToken)
    {
        // NOTIFY inside the transaction is delivered on commit, and only if it commits.
        var notify = new NpgsqlBatchCommand("SELECT pg_notify($1, $2)");
        notify.Parameters.Add(new NpgsqlParameter { Value = store.Settings.Channel });
        notify.Parameters.Add(new NpgsqlParameter { Value = head.ToString() });
        _write.BatchCommands.Add(notify);
        await _write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        _committed = true;
    }

    private static NpgsqlParameter Array<T>(IEnumerable<T> values, NpgsqlDbType type) =>
        new() { Value = values.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | type };

    public async ValueTask DisposeAsync()
    {
        await _write.DisposeAsync().ConfigureAwait(false);
        if (_committed)
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
            return;
        }
        // Not committed: a unit failed its expectation (the connection is fine) or something broke. Roll back
        // explicitly, which also releases the advisory lock; if even that fails, drop the connection.
        try
        {
            await transaction.RollbackAsync().ConfigureAwait(false);
            await transaction.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or IOException)
        {
            await store.DropWriterConnectionAsync().ConfigureAwait(false);
        }
    }
}
