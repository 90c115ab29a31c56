using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace EarlyWarning.EventStore;

/// <summary>
/// Decorates any adapter with tracing and metrics, so no adapter repeats them. An append runs in its own
/// span, and events appended without trace context get the span's <c>traceparent</c> in their metadata:
/// a subscriber's span can then link back to the writer's (DESIGN §8).
/// </summary>
public sealed class TracedEventStore(IEventStore inner) : IEventStore
{
    public const string ActivitySourceName = "EarlyWarning.EventStore";
    public const string MeterName = "EarlyWarning.EventStore";

    private static readonly ActivitySource Source = new(ActivitySourceName);
    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Appended = Meter.CreateCounter<long>("ew.eventstore.events_appended", "{event}", "Events newly recorded by appends");
    private static readonly Histogram<double> AppendDuration = Meter.CreateHistogram<double>("ew.eventstore.append.duration", "ms", "Time from append call to durable commit");

    public IEventStore Inner { get; } = inner;

    public async Task<IReadOnlyList<AppendResult>> AppendAsync(IReadOnlyList<StreamAppend> appends, Checkpoint? checkpoint = null, CancellationToken cancellationToken = default)
    {
        using var activity = Source.StartActivity("eventstore.append", ActivityKind.Client);
        activity?.SetTag("db.system", "earlywarning.eventstore");
        if (appends is { Count: > 0 })
            activity?.SetTag("ew.stream", appends[0].Stream.Value);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var results = await Inner.AppendAsync(activity is null ? appends : Stamp(appends, activity), checkpoint, cancellationToken).ConfigureAwait(false);
            // Results line up with appends, one each; repeats recorded nothing new.
            Appended.Add(appends.Where((a, i) => !results[i].AlreadyRecorded).Sum(a => a.Events.Count));
            return results;
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            throw;
        }
        finally
        {
            AppendDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    private static StreamAppend[] Stamp(IReadOnlyList<StreamAppend> appends, Activity activity) =>
        appends.Select(a => a with
        {
            Events = a.Events.Select(e => e?.Metadata is { TraceParent: null } m
                ? e with { Metadata = m with { TraceParent = activity.Id, TraceState = activity.TraceStateString } }
                : e).ToArray()!,
        }).ToArray();

    public IAsyncEnumerable<RecordedEvent> ReadStreamAsync(StreamName stream, Direction direction, StreamRevision from, long maxCount, CancellationToken cancellationToken = default) =>
        Inner.ReadStreamAsync(stream, direction, from, maxCount, cancellationToken);

    public IAsyncEnumerable<RecordedEvent> ReadAllAsync(GlobalPosition after, long maxCount, EventFilter? filter = null, CancellationToken cancellationToken = default) =>
        Inner.ReadAllAsync(after, maxCount, filter, cancellationToken);

    public Task<GlobalPosition> ScanAllAsync(GlobalPosition after, int maxCount, EventFilter? filter, IEventVisitor visitor, CancellationToken cancellationToken = default) =>
        Inner.ScanAllAsync(after, maxCount, filter, visitor, cancellationToken);

    public Task<GlobalPosition> GetHeadPositionAsync(CancellationToken cancellationToken = default) => Inner.GetHeadPositionAsync(cancellationToken);

    public Task<GlobalPosition?> LoadCheckpointAsync(string subscriptionId, CancellationToken cancellationToken = default) =>
        Inner.LoadCheckpointAsync(subscriptionId, cancellationToken);

    public IAsyncEnumerable<SubscriptionMessage> SubscribeToAllAsync(GlobalPosition after, EventFilter? filter = null, CancellationToken cancellationToken = default) =>
        Inner.SubscribeToAllAsync(after, filter, cancellationToken);

    public Task<StoreStatus> GetStatusAsync(CancellationToken cancellationToken = default) => Inner.GetStatusAsync(cancellationToken);

    public ValueTask DisposeAsync() => Inner.DisposeAsync();
}
