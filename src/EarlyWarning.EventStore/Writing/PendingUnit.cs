using EarlyWarning.EventStore.Adapters;

namespace EarlyWarning.EventStore;

/// <summary>One caller's atomic unit of work waiting for the writer: all of it commits, or none.</summary>
internal sealed class PendingUnit(IReadOnlyList<PreparedAppend> appends, Checkpoint? checkpoint)
{
    private readonly TaskCompletionSource<IReadOnlyList<AppendResult>> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<PreparedAppend> Appends { get; } = appends;

    public Checkpoint? Checkpoint { get; } = checkpoint;

    public int EventCount { get; } = appends.Sum(a => a.Events.Count);

    public Task<IReadOnlyList<AppendResult>> Completion => _completion.Task;

    public void Succeed(IReadOnlyList<AppendResult> results) => _completion.TrySetResult(results);

    public void Fail(Exception exception) => _completion.TrySetException(exception);
}
