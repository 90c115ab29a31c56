using EarlyWarning.EventStore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EarlyWarning.ServiceDefaults;

/// <summary>
/// Closes the store when the host stops: the writer drains what is queued, so an append acknowledged
/// before shutdown is committed, and the file or connections are released. The container would not do it,
/// since the store is registered as an instance opened before the host was built.
/// </summary>
internal sealed class EventStoreLifetime(IEventStore store, ILoggerFactory storeLoggers) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await store.DisposeAsync().ConfigureAwait(false);
        storeLoggers.Dispose();
    }
}
