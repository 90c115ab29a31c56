using EarlyWarning.Testing;
using System.Collections.Concurrent;
using EarlyWarning.EventStore.Conformance;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace EarlyWarning.EventStore.Postgres.Tests;

/// <summary>Each location is a fresh schema on the real server, dropped when the test class is done.</summary>
public sealed class PostgresHarness : IStoreHarness, IAsyncLifetime
{
    private readonly ConcurrentBag<string> _schemas = [];

    public Task InitializeAsync() => PostgresServer.EnsureReachableAsync();

    public Task<string> NewLocationAsync()
    {
        var schema = PostgresServer.NewSchemaName();
        _schemas.Add(schema);
        return Task.FromResult(schema);
    }

    public async Task<IEventStore> OpenAsync(string location, EventStoreOptions? options = null) =>
        await PostgresEventStore.OpenAsync(new PostgresEventStoreSettings(PostgresServer.ConnectionString) { Schema = location }, options, NullLogger.Instance);

    public TimeSpan PollToHearOtherWriters => TimeSpan.FromHours(1);

    public IReadOnlyList<string> CrashWriterArguments(string location) => ["postgres", PostgresServer.ConnectionString, location];

    /// <summary>PostgreSQL keeps its own integrity; what can break is ours: positions and revisions.</summary>
    public async Task VerifyIntegrityAsync(string location)
    {
        await using var connection = new Npgsql.NpgsqlConnection(PostgresServer.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            $"SELECT count(*) FROM (SELECT stream, count(*) AS n, max(revision) AS last FROM {location}.events GROUP BY stream) s WHERE n <> last + 1", connection);
        var broken = (long)(await command.ExecuteScalarAsync())!;
        if (broken > 0)
            throw new InvalidOperationException($"{broken} streams in {location} have holes in their revisions.");
    }

    public Task DisposeAsync() => PostgresServer.DropSchemasAsync(_schemas);
}
