using System.Collections.Concurrent;
using EarlyWarning.EventStore;

namespace EarlyWarning.EventStore.Conformance;

/// <summary>Runs a subscription in the background and records what it yields, for tests to wait on.</summary>
public sealed class SubscriptionProbe : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<SubscriptionMessage> _messages = new();
    private readonly Task _run;

    public SubscriptionProbe(IEventSubscriber subscriber, GlobalPosition after, EventFilter? filter = null)
    {
        _run = Task.Run(async () =>
        {
            try
            {
                await foreach (var message in subscriber.SubscribeToAllAsync(after, filter, _stop.Token))
                    _messages.Enqueue(message);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
            }
        });
    }

    public IReadOnlyList<SubscriptionMessage> Messages => _messages.ToArray();

    public IReadOnlyList<RecordedEvent> Events => _messages.OfType<SubscriptionMessage.Event>().Select(m => m.Recorded).ToList();

    /// <summary>Waits until the condition holds; fails with what was seen if it does not within the timeout.</summary>
    public async Task WaitUntilAsync(Func<IReadOnlyList<SubscriptionMessage>, bool> condition, TimeSpan? timeout = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!condition(Messages))
        {
            if (_run.IsFaulted)
                await _run;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Timed out waiting for {what ?? "the subscription"}; saw {Messages.Count} messages: {string.Join(", ", Messages.TakeLast(5))}");
            await Task.Delay(5);
        }
    }

    public Task WaitForEventsAsync(int count, TimeSpan? timeout = null) =>
        WaitUntilAsync(m => m.OfType<SubscriptionMessage.Event>().Count() >= count, timeout, $"{count} events");

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run;
        _stop.Dispose();
    }
}
