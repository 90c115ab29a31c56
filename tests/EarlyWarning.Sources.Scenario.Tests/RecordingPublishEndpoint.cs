using MassTransit;

namespace EarlyWarning.Sources.Scenario.Tests;

/// <summary>
/// An <see cref="IPublishEndpoint"/> that records what is published. Each publish completes when
/// <see cref="Confirm"/> lets it (at once unless <see cref="HoldConfirms"/>), as a broker's confirm would.
/// </summary>
internal sealed class RecordingPublishEndpoint : IPublishEndpoint
{
    private readonly Lock gate = new();
    private readonly List<object> published = [];
    private readonly Queue<TaskCompletionSource> pending = new();

    /// <summary>When true, a publish waits for <see cref="Confirm"/>.</summary>
    public bool HoldConfirms { get; set; }

    /// <summary>Thrown by the next publish, once.</summary>
    public Exception? FailNext { get; set; }

    public IReadOnlyList<object> Published
    {
        get
        {
            lock (gate)
                return [.. published];
        }
    }

    public int Unconfirmed
    {
        get
        {
            lock (gate)
                return pending.Count;
        }
    }

    /// <summary>Confirms the oldest publish still waiting.</summary>
    public void Confirm()
    {
        TaskCompletionSource next;
        lock (gate)
            next = pending.Dequeue();
        next.SetResult();
    }

    public Task Publish<T>(T message, CancellationToken cancellationToken = default)
        where T : class => Record(message, cancellationToken);

    public Task Publish<T>(T message, IPipe<PublishContext<T>> publishPipe, CancellationToken cancellationToken = default)
        where T : class => Record(message, cancellationToken);

    public Task Publish<T>(T message, IPipe<PublishContext> publishPipe, CancellationToken cancellationToken = default)
        where T : class => Record(message, cancellationToken);

    public Task Publish(object message, CancellationToken cancellationToken = default) => Record(message, cancellationToken);

    public Task Publish(object message, IPipe<PublishContext> publishPipe, CancellationToken cancellationToken = default) => Record(message, cancellationToken);

    public Task Publish(object message, Type messageType, CancellationToken cancellationToken = default) => Record(message, cancellationToken);

    public Task Publish(object message, Type messageType, IPipe<PublishContext> publishPipe, CancellationToken cancellationToken = default) =>
        Record(message, cancellationToken);

    public Task Publish<T>(object values, CancellationToken cancellationToken = default)
        where T : class => Record(values, cancellationToken);

    public Task Publish<T>(object values, IPipe<PublishContext<T>> publishPipe, CancellationToken cancellationToken = default)
        where T : class => Record(values, cancellationToken);

    public Task Publish<T>(object values, IPipe<PublishContext> publishPipe, CancellationToken cancellationToken = default)
        where T : class => Record(values, cancellationToken);

    public ConnectHandle ConnectPublishObserver(IPublishObserver observer) => throw new NotSupportedException();

    private Task Record(object message, CancellationToken cancellationToken)
    {
        if (FailNext is { } failure)
        {
            FailNext = null;
            return Task.FromException(failure);
        }
        lock (gate)
        {
            if (!HoldConfirms)
            {
                published.Add(message);
                return Task.CompletedTask;
            }
            var confirm = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            pending.Enqueue(confirm);
            // Recorded when confirmed, like a message the broker has taken.
            return confirm.Task.ContinueWith(
                _ =>
                {
                    lock (gate)
                        published.Add(message);
                },
                cancellationToken,
                TaskContinuationOptions.OnlyOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }
}
