using EarlyWarning.EventStore;
using EarlyWarning.EventStore.Postgres;
using EarlyWarning.EventStore.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace EarlyWarning.ServiceDefaults;

/// <summary>
/// Which store a service uses, from configuration (appsettings, environment, command line):
/// <c>EventStore:Adapter</c> = sqlite (default) | postgres; <c>EventStore:Sqlite:Path</c> (default ./data/earlywarning.db);
/// <c>ConnectionStrings:EventStore</c> and <c>EventStore:Postgres:Schema</c> (default eventstore).
/// </summary>
public sealed record EventStoreConfiguration(string Adapter, string SqlitePath, string? PostgresConnectionString, string PostgresSchema)
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";
    public const string DefaultSqlitePath = "data/earlywarning.db";

    /// <summary>Opens the adapter this configuration names.</summary>
    /// <exception cref="StoreUnavailableException">The store cannot be opened.</exception>
    public async Task<IEventStore> OpenAsync(ILogger logger, CancellationToken cancellationToken = default) =>
        Adapter == Postgres
            ? await PostgresEventStore.OpenAsync(new PostgresEventStoreSettings(PostgresConnectionString!) { Schema = PostgresSchema }, null, logger, cancellationToken).ConfigureAwait(false)
            : await SqliteEventStore.OpenAsync(new SqliteEventStoreSettings(SqlitePath), null, logger, cancellationToken).ConfigureAwait(false);

    /// <exception cref="ArgumentException">An unknown adapter, or postgres without a connection string.</exception>
    public static EventStoreConfiguration From(IConfiguration configuration)
    {
        var adapter = (configuration["EventStore:Adapter"] ?? Sqlite).Trim().ToLowerInvariant();
        var connectionString = configuration.GetConnectionString("EventStore");
        var result = new EventStoreConfiguration(
            adapter,
            configuration["EventStore:Sqlite:Path"] ?? DefaultSqlitePath,
            string.IsNullOrWhiteSpace(connectionString) ? null : connectionString,
            configuration["EventStore:Postgres:Schema"] ?? "eventstore");

        return adapter switch
        {
            Sqlite => result,
            Postgres when result.PostgresConnectionString is null => throw new ArgumentException(
                "The postgres store needs a connection string: set ConnectionStrings:EventStore (environment: ConnectionStrings__EventStore)."),
            Postgres => result,
            _ => throw new ArgumentException($"Unknown event store adapter '{adapter}': use '{Sqlite}' or '{Postgres}'."),
        };
    }
}
