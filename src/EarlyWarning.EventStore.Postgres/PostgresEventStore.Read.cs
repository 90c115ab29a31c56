using EarlyWarning.EventStore.Adapters;
using Npgsql;

namespace EarlyWarning.EventStore.Postgres;

public sealed partial class PostgresEventStore
{
    protected override async Task<IReadOnlyList<RecordedEvent>> ReadStreamPageAsync(StreamName stream, Direction direction, StreamRevision from, int count, CancellationToken cancellationToken)
    {
        var command = _dataSource.CreateCommand(Sql(direction == Direction.Forwards
            ? $"SELECT {Columns} FROM {{schema}}.events WHERE stream = $1 AND revision >= $2 ORDER BY revision LIMIT $3"
            : $"SELECT {Columns} FROM {{schema}}.events WHERE stream = $1 AND revision <= $2 ORDER BY revision DESC LIMIT $3"));
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = stream.Value });
            command.Parameters.Add(new NpgsqlParameter { Value = from.Value });
            command.Parameters.Add(new NpgsqlParameter { Value = count });
            var events = new List<RecordedEvent>(Math.Min(count, 1024));
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    events.Add(ReadEvent(reader));
            }
            return events;
        }
    }

    protected override async Task<AllPage> ReadAllPageAsync(GlobalPosition after, int count, EventFilter? filter, CancellationToken cancellationToken)
    {
        var command = _dataSource.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = after.Value });
            command.Parameters.Add(new NpgsqlParameter { Value = count });
            // One statement, so the page and the head come from one snapshot: a short page's ScannedTo can
            // then never pass an event committed between two reads. The head row comes back even for an empty
            // page. No outer ORDER BY: it made PostgreSQL sort every page (1.4 ms against 0.3 ms per 1,024
            // rows); SQL does not promise the join keeps the inner order, so the rows are put in order here.
            command.CommandText = Sql(
                $"SELECT p.*, h.head FROM (SELECT coalesce(max(position), 0) AS head FROM {{schema}}.events) h " +
                $"LEFT JOIN LATERAL (SELECT {Columns} FROM {{schema}}.events WHERE position > $1{FilterSql(filter, command)} ORDER BY position LIMIT $2) p ON true");
            var events = new List<RecordedEvent>(Math.Min(count, 1024));
            var head = after;
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    head = new GlobalPosition(reader.GetInt64(8));
                    if (!reader.IsDBNull(0))
                        events.Add(ReadEvent(reader));
                }
            }
            if (!IsInOrder(events))
                events.Sort((a, b) => a.Position.CompareTo(b.Position));
            if (events.Count == count)
                return new AllPage(events, events[^1].Position);
            return new AllPage(events, head > after ? head : after);
        }
    }

    private static bool IsInOrder(List<RecordedEvent> events)
    {
        for (var i = 1; i < events.Count; i++)
        {
            if (events[i].Position < events[i - 1].Position)
                return false;
        }
        return true;
    }

    public override async Task<GlobalPosition> GetHeadPositionAsync(CancellationToken cancellationToken = default)
    {
        var command = _dataSource.CreateCommand(Sql("SELECT coalesce(max(position), 0) FROM {schema}.events"));
        await using (command.ConfigureAwait(false))
            return new GlobalPosition((long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!);
    }

    public override async Task<GlobalPosition?> LoadCheckpointAsync(string subscriptionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subscriptionId);
        var command = _dataSource.CreateCommand(Sql("SELECT position FROM {schema}.checkpoints WHERE subscription_id = $1"));
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = subscriptionId });
            var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return value is long position ? new GlobalPosition(position) : null;
        }
    }

    private static string FilterSql(EventFilter? filter, NpgsqlCommand command) =>
        Adapters.FilterSql.Build(filter, (column, prefix) =>
        {
            command.Parameters.Add(new NpgsqlParameter { Value = prefix });
            return $"starts_with({column}, ${command.Parameters.Count})";
        });

    private static RecordedEvent ReadEvent(NpgsqlDataReader reader) => new(
        reader.GetGuid(1),
        reader.GetString(4),
        new StreamName(reader.GetString(2)),
        new StreamRevision(reader.GetInt64(3)),
        new GlobalPosition(reader.GetInt64(0)),
        reader.GetFieldValue<DateTimeOffset>(7),
        reader.GetFieldValue<byte[]>(5),
        reader.GetFieldValue<byte[]>(6));
}
