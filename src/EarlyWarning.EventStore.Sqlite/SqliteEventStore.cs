using EarlyWarning.EventStore.Adapters;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace EarlyWarning.EventStore.Sqlite;

/// <summary>
/// The embedded default: one SQLite file in WAL mode. One connection writes (SQLite allows one writer
/// anyway; the base class groups concurrent appends into its commits); readers use pooled connections,
/// which WAL lets run beside the writer.
/// </summary>
public sealed partial class SqliteEventStore : EventStoreBase
{
    private const string Columns = "position, event_id, stream, revision, type, data, metadata, recorded_at";

    private readonly string _connectionString;
    private readonly SqliteConnection _writer;
    private readonly SqliteAppendSession _session;
    private readonly string _mapReads;

    private SqliteEventStore(SqliteEventStoreSettings settings, string connectionString, SqliteConnection writer, EventStoreOptions options, ILogger logger)
        : base(options, logger)
    {
        Settings = settings;
        _connectionString = connectionString;
        _writer = writer;
        _session = new SqliteAppendSession(writer);
        _mapReads = FormattableString.Invariant($"PRAGMA mmap_size={settings.ReadMemoryMap};");
    }

    public SqliteEventStoreSettings Settings { get; }

    /// <summary>Opens (creating if needed) the store file and starts its writer.</summary>
    /// <exception cref="StoreUnavailableException">The file cannot be created or opened as a store.</exception>
    public static async Task<SqliteEventStore> OpenAsync(SqliteEventStoreSettings settings, EventStoreOptions? options, ILogger logger, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(settings.ReadMemoryMap, nameof(settings.ReadMemoryMap));
        var path = Path.GetFullPath(settings.Path);
        SqliteConnection? writer = null;
        try
        {
            var folder = Path.GetDirectoryName(path);
            if (!string.IsNullOrEmpty(folder))
                Directory.CreateDirectory(folder);
            var connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = path,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Pooling = true,
                DefaultTimeout = 30,
            }.ToString();

            writer = new SqliteConnection(connectionString);
            await writer.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(writer, "PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(writer, $"PRAGMA synchronous={CheckedSynchronous(settings.Synchronous)};", cancellationToken).ConfigureAwait(false);
            // A larger page cache keeps the event_id and (stream, revision) indexes in memory while appending.
            await ExecuteAsync(writer, "PRAGMA cache_size=-65536;", cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(writer, SchemaScript.Load("Sqlite.1_Schema.sql"), cancellationToken).ConfigureAwait(false);

            var store = new SqliteEventStore(settings with { Path = path }, connectionString, writer, options ?? new EventStoreOptions(), logger);
            store.StartWriter();
            return store;
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            if (writer is not null)
                await writer.DisposeAsync().ConfigureAwait(false);
            throw new StoreUnavailableException($"Cannot open the SQLite event store at '{path}': {ex.Message}", ex);
        }
    }

    private static string CheckedSynchronous(string value) => value.ToUpperInvariant() switch
    {
        "FULL" or "EXTRA" or "NORMAL" or "OFF" => value.ToUpperInvariant(),
        _ => throw new ArgumentException($"'{value}' is not a SQLite synchronous mode (FULL, EXTRA, NORMAL, OFF).", nameof(value)),
    };

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    protected override async Task<IAppendSession> BeginAppendAsync(CancellationToken cancellationToken)
    {
        await _session.BeginAsync(cancellationToken).ConfigureAwait(false);
        return _session;
    }

    public override async Task<StoreStatus> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var head = await GetHeadPositionAsync(cancellationToken).ConfigureAwait(false);
            return new StoreStatus("sqlite", Settings.Path, true, head, null);
        }
        catch (SqliteException ex)
        {
            return new StoreStatus("sqlite", Settings.Path, false, null, ex.Message);
        }
    }

    protected override async ValueTask DisposeCoreAsync()
    {
        _session.Dispose();
        await _writer.DisposeAsync().ConfigureAwait(false);
        // Pooled reader connections would otherwise keep the file (and its WAL) open after the store is closed.
        SqliteConnection.ClearPool(new SqliteConnection(_connectionString));
        await base.DisposeCoreAsync().ConfigureAwait(false);
    }

    private async Task<SqliteConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        // A pooled connection keeps the setting; setting it again costs a statement, a thousandth of a page's scan.
        await ExecuteAsync(connection, _mapReads, cancellationToken).ConfigureAwait(false);
        return connection;
    }
}
