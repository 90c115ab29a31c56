using EarlyWarning.EventStore.Conformance;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace EarlyWarning.EventStore.Sqlite.Tests;

/// <summary>Each location is a real file in a fresh folder under the temp directory.</summary>
public sealed class SqliteHarness : IStoreHarness, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ew-sqlite-tests", Guid.NewGuid().ToString("N"));

    public Task<string> NewLocationAsync() => Task.FromResult(Path.Combine(_root, Guid.NewGuid().ToString("N"), "events.db"));

    public async Task<IEventStore> OpenAsync(string location, EventStoreOptions? options = null) =>
        await SqliteEventStore.OpenAsync(new SqliteEventStoreSettings(location), options, NullLogger.Instance);

    public TimeSpan PollToHearOtherWriters => TimeSpan.FromMilliseconds(100);

    public IReadOnlyList<string> CrashWriterArguments(string location) => ["sqlite", location];

    public async Task VerifyIntegrityAsync(string location)
    {
        await using var connection = new SqliteConnection($"Data Source={location};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        var result = (string?)await command.ExecuteScalarAsync();
        if (result != "ok")
            throw new InvalidOperationException($"SQLite integrity check of {location}: {result}");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
