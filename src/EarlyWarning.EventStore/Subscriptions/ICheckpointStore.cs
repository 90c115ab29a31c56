namespace EarlyWarning.EventStore;

/// <summary>Subscribers' checkpoints, kept in the store's own database so they commit with the subscriber's appends.</summary>
public interface ICheckpointStore
{
    /// <summary>The stored checkpoint, or null if the subscriber never stored one.</summary>
    Task<GlobalPosition?> LoadCheckpointAsync(string subscriptionId, CancellationToken cancellationToken = default);
}
