namespace EarlyWarning.EventStore;

public interface IEventSubscriber
{
    /// <summary>
    /// Every event of <c>$all</c> after <paramref name="after"/> that passes <paramref name="filter"/>, in order,
    /// then live ones as they are recorded; <see cref="SubscriptionMessage.CaughtUp"/> when it reaches the end,
    /// <see cref="SubscriptionMessage.FellBehind"/> when live reading falls a page or more behind.
    /// </summary>
    IAsyncEnumerable<SubscriptionMessage> SubscribeToAllAsync(GlobalPosition after, EventFilter? filter = null, CancellationToken cancellationToken = default);
}
