using EarlyWarning.EventStore;

namespace EarlyWarning.Dispatch.Processing;

/// <summary>What the dispatch is doing, for its health check: written by its run, read by requests.</summary>
public sealed class DispatchStatus
{
    private volatile string? _failure = "not started yet";
    private volatile bool _caughtUp;
    private long _position;
    private int _inFlight;

    /// <summary>Why the dispatch is not following the store, or null while it is.</summary>
    public string? Failure => _failure;

    /// <summary>Whether it has read everything recorded and delivers as warnings arrive.</summary>
    public bool CaughtUp => _caughtUp;

    /// <summary>The last position of <c>$all</c> it has read.</summary>
    public GlobalPosition Position => new(Interlocked.Read(ref _position));

    /// <summary>Deliveries sent and not yet recorded.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    internal void Following() => _failure = null;

    internal void Read(GlobalPosition position) => Interlocked.Exchange(ref _position, position.Value);

    internal void Changed(SubscriptionMessage message) => _caughtUp = message is SubscriptionMessage.CaughtUp;

    internal void Sending() => Interlocked.Increment(ref _inFlight);

    internal void Sent() => Interlocked.Decrement(ref _inFlight);

    internal void Failed(Exception exception)
    {
        _caughtUp = false;
        _failure = exception.Message;
    }
}
