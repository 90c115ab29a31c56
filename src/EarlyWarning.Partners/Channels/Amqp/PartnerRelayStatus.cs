using EarlyWarning.EventStore;

namespace EarlyWarning.Partners.Channels.Amqp;

/// <summary>What the AMQP relay is doing, for its health check: written by the relay, read by requests.</summary>
public sealed class PartnerRelayStatus
{
    private volatile string? _failure = "not connected yet";
    private volatile bool _caughtUp;
    private long _checkpoint;
    private long _published;
    private int _connections;

    /// <summary>
    /// Why the relay is not relaying, or null while it is. A new connection does not clear it: only a confirmed batch or
    /// reaching the store's head does, so a relay that connects and fails again stays unhealthy.
    /// </summary>
    public string? Failure => _failure;

    /// <summary>Whether it has relayed everything recorded and now relays events as they come.</summary>
    public bool CaughtUp => _caughtUp;

    /// <summary>The position every partner has been sent (and the broker has confirmed) everything up to.</summary>
    public GlobalPosition Checkpoint => new(Interlocked.Read(ref _checkpoint));

    /// <summary>Messages confirmed by the broker since the process started.</summary>
    public long Published => Interlocked.Read(ref _published);

    /// <summary>How many times the relay has connected since the process started.</summary>
    public int Connections => Volatile.Read(ref _connections);

    internal void Connected(GlobalPosition checkpoint)
    {
        Interlocked.Increment(ref _connections);
        Interlocked.Exchange(ref _checkpoint, checkpoint.Value);
    }

    internal void Relayed(GlobalPosition checkpoint, int published)
    {
        Interlocked.Exchange(ref _checkpoint, checkpoint.Value);
        Interlocked.Add(ref _published, published);
        _failure = null;
    }

    internal void Changed(SubscriptionMessage message)
    {
        _caughtUp = message is SubscriptionMessage.CaughtUp;
        if (_caughtUp)
            _failure = null;
    }

    internal void Failed(Exception exception)
    {
        _caughtUp = false;
        _failure = exception.Message;
    }
}
