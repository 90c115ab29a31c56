using System.Collections.Concurrent;
using System.Diagnostics;

namespace EarlyWarning.Benchmarks.Ingest;

/// <summary>
/// Where a report's journey ends, for one figure at a time: a store subscriber seeing its incident event, or
/// the raw bus's consumer receiving it. Counts arrivals until the expected number, and, for the reports the
/// publisher stamped (<see cref="Sent"/>), keeps publish → arrival in <see cref="Stopwatch"/> ticks.
/// </summary>
public sealed class Arrivals
{
    private readonly ConcurrentDictionary<Guid, long> _sentAt = new();
    private readonly List<long> _latencies = [];
    private TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _expected = long.MaxValue;
    private long _count;

    /// <summary>Whether arrivals are being timed; readers skip the message-id lookup otherwise.</summary>
    public bool Timed { get; private set; }

    public long Count => Interlocked.Read(ref _count);

    /// <summary>Completes when <see cref="Expect"/>'s count has arrived.</summary>
    public Task All => _all.Task;

    /// <summary>Starts a figure: forget the last one, and wait for <paramref name="count"/> arrivals.</summary>
    public void Expect(long count, bool timed)
    {
        _sentAt.Clear();
        lock (_latencies)
            _latencies.Clear();
        Interlocked.Exchange(ref _count, 0);
        Timed = timed;
        _all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Interlocked.Exchange(ref _expected, count);
    }

    /// <summary>The publisher is about to publish this message.</summary>
    public void Sent(Guid messageId, long timestamp) => _sentAt[messageId] = timestamp;

    public bool TryGetSent(Guid messageId, out long timestamp) => _sentAt.TryGetValue(messageId, out timestamp);

    public void Arrived(Guid? messageId)
    {
        var now = Stopwatch.GetTimestamp();
        if (messageId is { } id && _sentAt.TryRemove(id, out var sent))
        {
            lock (_latencies)
                _latencies.Add(now - sent);
        }
        if (Interlocked.Increment(ref _count) == Interlocked.Read(ref _expected))
            _all.TrySetResult();
    }

    public LatencySummary Latency()
    {
        lock (_latencies)
            return LatencySummary.FromStopwatchTicks(_latencies.ToArray());
    }
}
