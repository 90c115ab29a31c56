using EarlyWarning.EventStore;

namespace EarlyWarning.Rules.Processing;

/// <summary>What the rules service is doing, for its health check and API: written by its loop, read by requests.</summary>
public sealed class RulesStatus
{
    private volatile string? _failure;
    private long _position;
    private volatile bool _caughtUp;

    /// <summary>The last failure that stopped evaluation, until evaluation runs again.</summary>
    public string? Failure => _failure;

    /// <summary>Whether the service has read everything recorded and is following live.</summary>
    public bool CaughtUp => _caughtUp;

    /// <summary>The position of <c>$all</c> the engine has evaluated up to, its warning events committed.</summary>
    public GlobalPosition Position => new(Interlocked.Read(ref _position));

    internal void Evaluated(GlobalPosition position) => Interlocked.Exchange(ref _position, position.Value);

    internal void Changed(SubscriptionMessage message)
    {
        _caughtUp = message is SubscriptionMessage.CaughtUp;
        if (message is SubscriptionMessage.CaughtUp(var position) && position > Position)
            Evaluated(position);
        _failure = null;
    }

    internal void Failed(Exception exception)
    {
        _caughtUp = false;
        _failure = exception.Message;
    }
}
