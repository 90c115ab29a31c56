using System.Runtime.CompilerServices;
using System.Threading.Channels;
using EarlyWarning.EventStore.Adapters;
using Microsoft.Extensions.Logging;

namespace EarlyWarning.EventStore;

/// <summary>
/// The one thin base of every adapter. It owns what must not differ between them: validation, the single
/// writer that groups concurrent appends into one commit (group commit), the append semantics
/// (<see cref="AppendPlanner"/>), paging, and catch-up subscriptions. An adapter supplies SQL.
/// </summary>
public abstract class EventStoreBase : IEventStore
{
    private readonly Channel<PendingUnit> _queue = Channel.CreateUnbounded<PendingUnit>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly ILogger _logger;
    private Task? _writer;
    private int _disposed;

    protected EventStoreBase(EventStoreOptions options, ILogger logger)
    {
        Options = options;
        _logger = logger;
    }

    public EventStoreOptions Options { get; }

    /// <summary>Signalled after each commit of this process, and by adapters that hear other processes' commits.</summary>
    public StoreChangeSignal Signal { get; } = new();

    /// <summary>Starts the writer; adapters call it once their schema is in place.</summary>
    protected void StartWriter() => _writer ??= Task.Run(WriteLoopAsync);

    // ---- the adapter's part ----

    /// <summary>Opens a write transaction holding the store's write lock.</summary>
    protected abstract Task<IAppendSession> BeginAppendAsync(CancellationToken cancellationToken);

    /// <summary>Reads up to <paramref name="count"/> events of a stream from <paramref name="from"/> inclusive.</summary>
    protected abstract Task<IReadOnlyList<RecordedEvent>> ReadStreamPageAsync(StreamName stream, Direction direction, StreamRevision from, int count, CancellationToken cancellationToken);

    /// <summary>
    /// Reads up to <paramref name="count"/> events after <paramref name="after"/>. When fewer come back,
    /// <see cref="AllPage.ScannedTo"/> must be the head as seen by the same snapshot as the read.
    /// </summary>
    protected internal abstract Task<AllPage> ReadAllPageAsync(GlobalPosition after, int count, EventFilter? filter, CancellationToken cancellationToken);

    public abstract Task<GlobalPosition> GetHeadPositionAsync(CancellationToken cancellationToken = default);

    public abstract Task<GlobalPosition?> LoadCheckpointAsync(string subscriptionId, CancellationToken cancellationToken = default);

    public abstract Task<StoreStatus> GetStatusAsync(CancellationToken cancellationToken = default);

    // ---- writing ----

    public Task<IReadOnlyList<AppendResult>> AppendAsync(IReadOnlyList<StreamAppend> appends, Checkpoint? checkpoint = null, CancellationToken cancellationToken = default)
    {
        var prepared = AppendValidator.Prepare(appends, checkpoint, Options);
        var unit = new PendingUnit(prepared, checkpoint);
        if (_writer is null || !_queue.Writer.TryWrite(unit))
            throw new ObjectDisposedException(GetType().Name, "The event store is closed.");
        return unit.Completion.WaitAsync(cancellationToken);
    }

    private async Task WriteLoopAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<PendingUnit>();
        try
        {
            while (await reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                batch.Clear();
                var events = 0;
                while (events < Options.MaxEventsPerCommit && reader.TryRead(out var unit))
                {
                    batch.Add(unit);
                    events += unit.EventCount;
                }
                await WriteBatchAsync(batch).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            // Only a bug reaches here; fail whoever waits rather than leave them hanging.
            _logger.LogCritical(ex, "The event store writer stopped");
            foreach (var unit in batch)
                unit.Fail(ex);
            while (reader.TryRead(out var unit))
                unit.Fail(ex);
        }
    }

    private async Task WriteBatchAsync(List<PendingUnit> batch)
    {
        var outcomes = new (IReadOnlyList<AppendResult>? Results, Exception? Error)[batch.Count];
        try
        {
            var session = await BeginAppendAsync(_stopping.Token).ConfigureAwait(false);
            await using (session.ConfigureAwait(false))
            {
                var planner = new AppendPlanner(session);
                await planner.StartAsync(batch, _stopping.Token).ConfigureAwait(false);
                for (var i = 0; i < batch.Count; i++)
                    outcomes[i] = planner.Plan(batch[i]);

                if (planner.Planned.Count > 0 || planner.Checkpoints.Count > 0)
                {
                    var now = Now();
                    if (planner.Planned.Count > 0)
                        await session.InsertAsync(planner.Planned, now, _stopping.Token).ConfigureAwait(false);
                    if (planner.Checkpoints.Count > 0)
                        await session.SaveCheckpointsAsync(planner.Checkpoints, now, _stopping.Token).ConfigureAwait(false);
                    await session.CommitAsync(planner.Head, _stopping.Token).ConfigureAwait(false);
                }
                if (planner.Planned.Count > 0)
                    Signal.Notify();
            }
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "A commit of {Units} appends failed; none of them was recorded", batch.Count);
            foreach (var unit in batch)
                unit.Fail(ex);
            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            if (outcomes[i].Error is { } error)
                batch[i].Fail(error);
            else
                batch[i].Succeed(outcomes[i].Results!);
        }
    }

    /// <summary>Commit time, truncated to microseconds so every adapter stores and returns the same value.</summary>
    private static DateTimeOffset Now()
    {
        var ticks = DateTime.UtcNow.Ticks;
        return new DateTimeOffset(ticks - (ticks % 10), TimeSpan.Zero);
    }

    // ---- reading ----

    public async IAsyncEnumerable<RecordedEvent> ReadStreamAsync(
        StreamName stream, Direction direction, StreamRevision from, long maxCount, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        ArgumentOutOfRangeException.ThrowIfNegative(from.Value);
        var remaining = maxCount;
        var next = from;
        while (remaining > 0)
        {
            var count = (int)Math.Min(remaining, Options.ReadPageSize);
            var page = await ReadStreamPageAsync(stream, direction, next, count, cancellationToken).ConfigureAwait(false);
            foreach (var e in page)
                yield return e;
            remaining -= page.Count;
            if (page.Count < count)
                yield break;
            var last = page[^1].Revision.Value;
            if (direction == Direction.Backwards && last == 0)
                yield break;
            next = direction == Direction.Forwards ? last + 1 : last - 1;
        }
    }

    public async IAsyncEnumerable<RecordedEvent> ReadAllAsync(
        GlobalPosition after, long maxCount, EventFilter? filter = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        var remaining = maxCount;
        var position = after;
        while (remaining > 0)
        {
            var count = (int)Math.Min(remaining, Options.ReadPageSize);
            var page = await ReadAllPageAsync(position, count, filter, cancellationToken).ConfigureAwait(false);
            foreach (var e in page.Events)
                yield return e;
            remaining -= page.Events.Count;
            if (page.Events.Count < count)
                yield break;
            position = page.ScannedTo;
        }
    }

    /// <summary>By <see cref="ReadAllAsync"/>; an adapter that can hand over its own buffers overrides it.</summary>
    public virtual Task<GlobalPosition> ScanAllAsync(GlobalPosition after, int maxCount, EventFilter? filter, IEventVisitor visitor, CancellationToken cancellationToken = default) =>
        EventScan.ByReadingAsync(this, after, maxCount, filter, visitor, cancellationToken);

    public IAsyncEnumerable<SubscriptionMessage> SubscribeToAllAsync(GlobalPosition after, EventFilter? filter = null, CancellationToken cancellationToken = default) =>
        CatchUpSubscription.RunAsync(this, after, filter, cancellationToken);

    // ---- lifetime ----

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        _queue.Writer.TryComplete();
        if (_writer is not null)
            await _writer.ConfigureAwait(false);
        await _stopping.CancelAsync().ConfigureAwait(false);
        await DisposeCoreAsync().ConfigureAwait(false);
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the adapter's connections, after the writer has drained.</summary>
    protected virtual ValueTask DisposeCoreAsync() => ValueTask.CompletedTask;
}
