using EarlyWarning.Contracts.Incidents;
using EarlyWarning.EventStore;

namespace EarlyWarning.Benchmarks.Ingest;

/// <summary>
/// A live subscriber to the store, as the rules and projections will be: it sees each report arrive as its
/// incident event (<c>IncidentRecorded</c> or <c>IncidentCorroborated</c>; the report's <c>ReportAccepted</c> is in
/// the same commit) or, had ingest refused it, as a rejection. It finds the report by the event's correlation
/// id, which ingest sets to the bus message id. It also counts commits: the store stamps every event of one
/// commit with the same <c>RecordedAt</c>.
/// </summary>
public sealed class StoreFollower : IAsyncDisposable
{
    private const string Corroborated = "V1.IncidentCorroborated";

    private readonly Arrivals _arrivals;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _caughtUp = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly HashSet<DateTimeOffset> _commits = [];
    private readonly Task _loop;
    private long _corroborations;
    private long _rejections;

    private StoreFollower(IEventStore store, GlobalPosition from, Arrivals arrivals)
    {
        _arrivals = arrivals;
        _loop = Task.Run(() => FollowAsync(store, from));
    }

    /// <summary>Follows <paramref name="store"/> from its head; returns once the subscription is live.</summary>
    public static async Task<StoreFollower> StartAsync(IEventStore store, Arrivals arrivals)
    {
        var follower = new StoreFollower(store, await store.GetHeadPositionAsync(), arrivals);
        await follower._caughtUp.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return follower;
    }

    public long Corroborations => Interlocked.Read(ref _corroborations);

    public long Rejections => Interlocked.Read(ref _rejections);

    /// <summary>Distinct commits that carried the reports seen since the last reset.</summary>
    public int Commits
    {
        get
        {
            lock (_commits)
                return _commits.Count;
        }
    }

    public void Reset()
    {
        lock (_commits)
            _commits.Clear();
        Interlocked.Exchange(ref _corroborations, 0);
        Interlocked.Exchange(ref _rejections, 0);
    }

    private async Task FollowAsync(IEventStore store, GlobalPosition from)
    {
        var filter = EventFilter.ForStreams(IncidentStreams.IncidentPrefix, IncidentStreams.Rejections.Value);
        try
        {
            await foreach (var message in store.SubscribeToAllAsync(from, filter, _stop.Token))
            {
                switch (message)
                {
                    case SubscriptionMessage.CaughtUp:
                        _caughtUp.TrySetResult();
                        break;
                    case SubscriptionMessage.Event { Recorded: var e }:
                        if (e.Stream == IncidentStreams.Rejections)
                            Interlocked.Increment(ref _rejections);
                        else if (e.Type == Corroborated)
                            Interlocked.Increment(ref _corroborations);
                        lock (_commits)
                            _commits.Add(e.RecordedAt);
                        _arrivals.Arrived(_arrivals.Timed && Guid.TryParse(e.Metadata.CorrelationId, out var id) ? id : null);
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // The end of the run.
        }
        catch (Exception ex)
        {
            _caughtUp.TrySetException(ex);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        finally
        {
            _stop.Dispose();
        }
    }
}
