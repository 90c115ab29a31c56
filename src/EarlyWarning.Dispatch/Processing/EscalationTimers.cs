namespace EarlyWarning.Dispatch.Processing;

/// <summary>
/// Wakes the run when a warning's next escalation may be due. It only knows warning ids and times: the run decides,
/// from the state, what is actually due when woken, so a stale or duplicate wake-up does nothing.
/// </summary>
internal sealed class EscalationTimers(TimeProvider clock)
{
    private readonly PriorityQueue<string, DateTimeOffset> _queue = new();
    private readonly Dictionary<string, DateTimeOffset> _earliest = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Schedule(string warningId, DateTimeOffset due)
    {
        lock (_gate)
        {
            if (_earliest.TryGetValue(warningId, out var scheduled) && scheduled <= due)
                return;
            _earliest[warningId] = due;
            _queue.Enqueue(warningId, due);
            _changed.TrySetResult();
        }
    }

    public async Task RunAsync(Func<string, CancellationToken, Task> wake, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string? due = null;
            var wait = Timeout.InfiniteTimeSpan;
            Task changed;
            lock (_gate)
            {
                if (_changed.Task.IsCompleted)
                    _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                changed = _changed.Task;
                if (_queue.TryPeek(out var warningId, out var at))
                {
                    var now = clock.GetUtcNow();
                    if (at <= now)
                    {
                        _queue.Dequeue();
                        if (_earliest.TryGetValue(warningId, out var earliest) && earliest == at)
                            _earliest.Remove(warningId);
                        due = warningId;
                    }
                    else
                    {
                        wait = at - now;
                    }
                }
            }
            if (due is not null)
            {
                await wake(due, cancellationToken).ConfigureAwait(false);
                continue;
            }
            using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            await Task.WhenAny(Task.Delay(wait, clock, timer.Token), changed).ConfigureAwait(false);
            await timer.CancelAsync().ConfigureAwait(false);
        }
    }
}
