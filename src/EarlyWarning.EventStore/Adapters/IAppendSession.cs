namespace EarlyWarning.EventStore.Adapters;

/// <summary>
/// One write transaction of an adapter. The adapter must hold the store's only write lock for the
/// session's whole life (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory transaction lock), so what
/// it reads here cannot change underneath it and the positions it is told to insert commit in order.
/// Disposing without <see cref="CommitAsync"/> rolls back.
/// </summary>
public interface IAppendSession : IAsyncDisposable
{
    /// <summary>
    /// What the batch's decisions rest on: the head, the current revision of each stream it touches (absent
    /// when the stream does not exist) and where any of its event ids is already recorded. One call, so an
    /// adapter over the network can fetch it in one round trip.
    /// </summary>
    Task<AppendState> ReadStateAsync(IReadOnlyCollection<StreamName> streams, IReadOnlyCollection<Guid> eventIds, CancellationToken cancellationToken);

    /// <summary>Inserts the events exactly as planned (positions and revisions included).</summary>
    Task InsertAsync(IReadOnlyList<PlannedEvent> events, DateTimeOffset recordedAt, CancellationToken cancellationToken);

    Task SaveCheckpointsAsync(IReadOnlyCollection<Checkpoint> checkpoints, DateTimeOffset savedAt, CancellationToken cancellationToken);

    /// <summary>Commits durably; when this returns the events survive a crash.</summary>
    Task CommitAsync(GlobalPosition head, CancellationToken cancellationToken);
}
