namespace EarlyWarning.EventStore.Adapters;

/// <summary>
/// Wakes live subscriptions when events are recorded. A version counter instead of a position avoids the
/// lost wake-up: a reader takes the version before it reads, and a commit that lands during the read bumps it.
/// </summary>
public sealed class StoreChangeSignal
{
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _version;

    public long Version => Interlocked.Read(ref _version);

    public void Notify()
    {
        Interlocked.Increment(ref _version);
        Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// <summary>Returns when the version moves past <paramref name="seen"/>, or after <paramref name="timeout"/>.</summary>
    public async Task WaitAsync(long seen, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var changed = Volatile.Read(ref _changed).Task;
        if (Version != seen)
            return;
        try
        {
            await changed.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The poll: covers writers this process cannot hear.
        }
    }
}
