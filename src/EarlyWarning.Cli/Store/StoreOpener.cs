using EarlyWarning.Cli.CommandLine;
using EarlyWarning.EventStore;
using EarlyWarning.ServiceDefaults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace EarlyWarning.Cli.Store;

/// <summary>
/// Opens the store to read, chosen as the services choose theirs (<see cref="EventStoreConfiguration"/>: the
/// environment, else SQLite under ./data), with <c>--store</c> and <c>--schema</c> over it.
/// </summary>
internal static class StoreOpener
{
    /// <exception cref="ArgumentException">The options or the environment name no usable store.</exception>
    /// <exception cref="StoreUnavailableException">The store cannot be opened, or the SQLite file does not exist.</exception>
    public static async Task<IEventStore> OpenAsync(StoreChoice? choice, string? schema, CancellationToken cancellationToken)
    {
        var overrides = new Dictionary<string, string?>();
        if (choice is not null)
        {
            overrides["EventStore:Adapter"] = choice.Adapter;
            overrides[choice.Adapter == EventStoreConfiguration.Postgres ? "ConnectionStrings:EventStore" : "EventStore:Sqlite:Path"] = choice.Target;
        }
        if (schema is not null)
            overrides["EventStore:Postgres:Schema"] = schema;
        var configuration = EventStoreConfiguration.From(new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(overrides).Build());

        if (configuration.Adapter == EventStoreConfiguration.Sqlite)
        {
            // Opening would create an empty store, and a back-test of nothing would look like a rule set that never fires.
            var path = Path.GetFullPath(configuration.SqlitePath);
            if (!File.Exists(path))
                throw new StoreUnavailableException($"there is no event store at {path}; name one with --store sqlite:<path> or postgres:<connection string>");
            configuration = configuration with { SqlitePath = path };
        }
        return await configuration.OpenAsync(NullLogger.Instance, cancellationToken).ConfigureAwait(false);
    }
}
