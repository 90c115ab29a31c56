namespace EarlyWarning.EventStore;

/// <summary>How far a subscriber has processed <c>$all</c>; the next event it needs is after <paramref name="Position"/>.</summary>
public sealed record Checkpoint(string SubscriptionId, GlobalPosition Position)
{
    public const int MaxIdLength = 200;
}
