using EarlyWarning.Testing;
using System.Collections.Concurrent;
using EarlyWarning.EventStore.Conformance;
using Npgsql;
using Xunit;

namespace EarlyWarning.EventStore.Postgres.Tests;

/// <summary>
/// Shows the gap test has teeth. Writers take positions from a sequence in concurrent transactions, and a
/// reader polls <c>WHERE position &gt; last ORDER BY position</c>: a transaction holding a lower position that
/// commits after a higher one is skipped for good. <see cref="GapAudit"/>, which passes our store in the
/// conformance gap test, must catch it here.
/// </summary>
public sealed class NaiveReaderTests : IAsyncLifetime
{
    private readonly string _schema = PostgresServer.NewSchemaName();

    public async Task InitializeAsync()
    {
        await PostgresServer.EnsureReachableAsync();
        await using var connection = new NpgsqlConnection(PostgresServer.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"CREATE SCHEMA {_schema}; CREATE TABLE {_schema}.events (position bigserial PRIMARY KEY, event_id uuid NOT NULL, stream text NOT NULL, revision bigint NOT NULL)", connection);
        await command.ExecuteNonQueryAsync();
    }

    public Task DisposeAsync() => PostgresServer.DropSchemasAsync([_schema]);

    [Fact]
    public async Task the_gap_audit_catches_events_a_naive_order_by_position_reader_skips()
    {
        var written = new ConcurrentBag<Guid>();
        var seen = new List<GapAudit.Seen>();
        using var writersDone = new CancellationTokenSource();

        var reader = Task.Run(async () =>
        {
            await using var connection = new NpgsqlConnection(PostgresServer.ConnectionString);
            await connection.OpenAsync();
            long last = 0;
            var finalPass = false;
            while (true)
            {
                await using var command = new NpgsqlCommand($"SELECT event_id, stream, revision, position FROM {_schema}.events WHERE position > $1 ORDER BY position", connection);
                command.Parameters.Add(new NpgsqlParameter { Value = last });
                await using (var rows = await command.ExecuteReaderAsync())
                {
                    while (await rows.ReadAsync())
                    {
                        seen.Add(new GapAudit.Seen(rows.GetGuid(0), rows.GetString(1), rows.GetInt64(2), rows.GetInt64(3)));
                        last = rows.GetInt64(3);
                    }
                }
                if (finalPass)
                    return;
                finalPass = writersDone.IsCancellationRequested;
            }
        });

        var writers = Enumerable.Range(0, ConcurrentWritersTests<PostgresHarness>.WritersForNaiveDemo).Select(w => Task.Run(async () =>
        {
            await using var connection = new NpgsqlConnection(PostgresServer.ConnectionString);
            await connection.OpenAsync();
            for (var revision = 0; revision < 1250; revision++)
            {
                var id = Guid.NewGuid();
                await using var transaction = await connection.BeginTransactionAsync();
                // The sleep between taking a position and committing is what any real transaction has: work.
                await using var command = new NpgsqlCommand($"INSERT INTO {_schema}.events (event_id, stream, revision) VALUES ($1, $2, $3)", connection, transaction);
                command.Parameters.Add(new NpgsqlParameter { Value = id });
                command.Parameters.Add(new NpgsqlParameter { Value = $"naive-{w}" });
                command.Parameters.Add(new NpgsqlParameter { Value = (long)revision });
                await command.ExecuteNonQueryAsync();
                await using var work = new NpgsqlCommand("SELECT pg_sleep(random() * 0.002)", connection, transaction);
                await work.ExecuteNonQueryAsync();
                await transaction.CommitAsync();
                written.Add(id);
            }
        })).ToArray();
        await Task.WhenAll(writers);
        await writersDone.CancelAsync();
        await reader;

        var problems = GapAudit.Verify(written.ToArray(), seen);
        Assert.Contains(problems, p => p.Contains("never seen", StringComparison.Ordinal));
    }
}
