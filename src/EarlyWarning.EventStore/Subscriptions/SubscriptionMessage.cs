namespace EarlyWarning.EventStore;

/// <summary>What a catch-up subscription yields: a closed hierarchy, consumed with <c>switch</c>.</summary>
public abstract record SubscriptionMessage
{
    private SubscriptionMessage()
    {
    }

    /// <summary>A recorded event.</summary>
    public sealed record Event(RecordedEvent Recorded) : SubscriptionMessage;

    /// <summary>The subscription has read everything recorded up to <paramref name="Position"/> and is now live.</summary>
    public sealed record CaughtUp(GlobalPosition Position) : SubscriptionMessage;

    /// <summary>While live, the subscription found a page or more waiting and went back to catching up.</summary>
    public sealed record FellBehind(GlobalPosition Position) : SubscriptionMessage;

    /// <summary>
    /// While live, the subscription has read everything recorded up to <paramref name="Position"/>, past the last event
    /// it yielded: what lay between was not for its filter. KurrentDB's checkpoint of a filtered subscription; a consumer
    /// that tells how far it has read moves on to it, so "has it read my write?" is answered for writes it never sees.
    /// </summary>
    public sealed record CheckpointReached(GlobalPosition Position) : SubscriptionMessage;
}
