namespace EarlyWarning.EventStore;

/// <summary>The system of record: streams, <c>$all</c>, checkpoints and subscriptions behind one port.</summary>
public interface IEventStore : IEventReader, IEventWriter, ICheckpointStore, IEventSubscriber, IAsyncDisposable
{
    /// <summary>Whether the store answers, and where its head is.</summary>
    Task<StoreStatus> GetStatusAsync(CancellationToken cancellationToken = default);
}
