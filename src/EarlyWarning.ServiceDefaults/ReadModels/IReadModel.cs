namespace EarlyWarning.ServiceDefaults.ReadModels;

/// <summary>
/// A projection a service keeps in memory, folded from the store at each start, that an operator may rebuild without a
/// restart (after a fix to its fold, or to check it against the store). A rebuild folds the store from the start into
/// a fresh model and swaps it in atomically; reads are served from the old model until then, and live following goes
/// on from the new model's position.
/// </summary>
public interface IReadModel
{
    /// <summary>Unique among a process's read models, in kebab case: the name in <c>/api/admin/models/{name}</c>.</summary>
    string Name { get; }

    ReadModelState State { get; }

    /// <summary>Rebuilds and swaps in the new model; the caller makes sure one rebuild of a model runs at a time.</summary>
    /// <exception cref="EventStore.StoreUnavailableException">The store could not be read; the old model stays.</exception>
    Task<ReadModelRebuild> RebuildAsync(CancellationToken cancellationToken);
}
