using System.Threading.Channels;
using EarlyWarning.EventStore;
using EarlyWarning.ServiceDefaults.ReadModels;

namespace EarlyWarning.Warnings.Board;

/// <summary>
/// The live board: the picture folded from the whole store, kept current by <see cref="WarningBoardService"/>,
/// and the changes it made lately, so a live client can resume after a position without a gap or a repeat.
/// </summary>
public sealed class WarningBoard(EventTypeRegistry registry, TimeProvider clock)
{
    /// <summary>How many recent changes are kept for clients that resume; an older position must fetch the picture again.</summary>
    public const int RetainedChanges = 10_000;

    /// <summary>A client that falls this far behind is dropped; it reconnects with the last id it saw.</summary>
    private const int ClientBuffer = 1_000;

    private Picture _picture = new(Picture.DefaultIncidentCapacity);
    private long _eventsFolded;
    private DateTimeOffset? _lastRebuiltAt;
    private readonly Queue<PictureChange> _recent = new();
    private readonly List<Channel<PictureChange>> _clients = [];
    private readonly Lock _lock = new();
    private long _oldestResumable;
    private TaskCompletionSource _advanced = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The position of the last event folded.</summary>
    public long Position
    {
        get
        {
            lock (_lock)
                return _picture.Position;
        }
    }

    /// <summary>True once the board has read the store to its head; until then it shows the past.</summary>
    public bool CaughtUp { get; private set; }

    /// <summary>Where the board stands, for operators (<see cref="WarningBoardReadModel"/>).</summary>
    internal ReadModelState State
    {
        get
        {
            lock (_lock)
                return new ReadModelState(_picture.Position, CaughtUp, _eventsFolded, _lastRebuiltAt);
        }
    }

    internal void Apply(RecordedEvent recorded)
    {
        lock (_lock)
        {
            // A rebuilt picture swapped in may have read further than the follower: what it folded is not folded twice.
            if (recorded.Position.Value <= _picture.Position)
                return;
            _eventsFolded++;
            var change = _picture.Apply(recorded, registry);
            if (change is not null)
            {
                _recent.Enqueue(change);
                if (_recent.Count > RetainedChanges)
                    _oldestResumable = _recent.Dequeue().Position;
                // A client too slow to take a change is dropped rather than allowed to hold the board back.
                _clients.RemoveAll(client => !client.Writer.TryWrite(change) && client.Writer.TryComplete());
            }
            Advance();
        }
    }

    /// <summary>
    /// Puts <paramref name="rebuilt"/> in place of the picture, if it has read at least as far; false when the follower
    /// has gone further since, and the rebuild must read on. Live clients are let go and the retained changes
    /// forgotten: they described the old picture, so a client resuming gets <c>reset</c> and fetches the new one.
    /// </summary>
    internal bool TrySwap(Picture rebuilt, long eventsFolded, DateTimeOffset rebuiltAt)
    {
        lock (_lock)
        {
            if (rebuilt.Position < _picture.Position)
                return false;
            _picture = rebuilt;
            _eventsFolded = eventsFolded;
            _lastRebuiltAt = rebuiltAt;
            _recent.Clear();
            _oldestResumable = rebuilt.Position;
            foreach (var client in _clients)
                client.Writer.TryComplete();
            _clients.Clear();
            Advance();
            return true;
        }
    }

    internal void MarkFellBehind()
    {
        lock (_lock)
            CaughtUp = false;
    }

    internal void MarkCaughtUp(GlobalPosition head)
    {
        lock (_lock)
        {
            CaughtUp = true;
            ReadTo(head);
        }
    }

    /// <summary>
    /// The follower has read to <paramref name="position"/>, past events the board does not show: a writer waiting for
    /// one of those (an audit event, a report) is answered, and the picture says how far it has read.
    /// </summary>
    internal void ReadTo(GlobalPosition position)
    {
        lock (_lock)
        {
            _picture.ReadTo(position.Value);
            Advance();
        }
    }

    /// <summary>The picture now.</summary>
    public PictureView View()
    {
        lock (_lock)
            return _picture.View(clock.GetUtcNow());
    }

    public WarningView? Warning(string warningId)
    {
        lock (_lock)
            return _picture.Warning(warningId);
    }

    public IReadOnlyList<WarningView> Warnings(Func<WarningView, bool> predicate)
    {
        lock (_lock)
            return Picture.Ordered(_picture.Warnings.Where(predicate)).ToList();
    }

    /// <summary>
    /// Follows the board's changes after <paramref name="after"/>: the retained ones at once, then each as it
    /// happens. Null when changes after that position are no longer retained: fetch the picture again.
    /// </summary>
    public ChannelReader<PictureChange>? Follow(long after, out Action stop)
    {
        var channel = Channel.CreateBounded<PictureChange>(new BoundedChannelOptions(ClientBuffer + RetainedChanges) { SingleReader = true });
        lock (_lock)
        {
            stop = () => { };
            if (after < _oldestResumable)
                return null;
            foreach (var change in _recent.Where(c => c.Position > after))
                channel.Writer.TryWrite(change);
            _clients.Add(channel);
        }
        stop = () =>
        {
            lock (_lock)
                _clients.Remove(channel);
            channel.Writer.TryComplete();
        };
        return channel.Reader;
    }

    /// <summary>Waits until the board has folded <paramref name="position"/>, so a writer can read its own write.</summary>
    public async Task<bool> WaitForAsync(long position, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            Task advanced;
            lock (_lock)
            {
                if (_picture.Position >= position)
                    return true;
                advanced = _advanced.Task;
            }
            try
            {
                await advanced.WaitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return false;
            }
        }
    }

    private void Advance()
    {
        _advanced.TrySetResult();
        _advanced = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
