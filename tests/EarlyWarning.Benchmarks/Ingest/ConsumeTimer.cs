using System.Diagnostics;
using MassTransit;

namespace EarlyWarning.Benchmarks.Ingest;

/// <summary>
/// Watches ingest's consumers from outside (a MassTransit consume observer on the bus, no change to
/// <c>src/</c>): how many messages are inside a consumer at once, and, for the reports the publisher stamped,
/// publish → consumer entered (the bus's share) and consumer entered → consumer done (ingest's answer,
/// which comes once the report is durable).
/// </summary>
public sealed class ConsumeTimer(Arrivals arrivals) : IConsumeObserver
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, long> _entered = [];
    private readonly List<long> _delivery = [];
    private readonly List<long> _handling = [];
    private long _inside;
    private long _maxInside;
    private long _sumInside;
    private long _consumed;
    private long _faults;

    public void Reset()
    {
        lock (_lock)
        {
            _entered.Clear();
            _delivery.Clear();
            _handling.Clear();
            _maxInside = _sumInside = _consumed = _faults = 0;
        }
    }

    /// <summary>Messages inside a consumer as one enters, averaged over every entry, and the most seen.</summary>
    public (double Mean, long Max) Concurrency
    {
        get
        {
            lock (_lock)
                return (_consumed == 0 ? 0 : (double)_sumInside / _consumed, _maxInside);
        }
    }

    public long Faults => Interlocked.Read(ref _faults);

    public LatencySummary Delivery()
    {
        lock (_lock)
            return LatencySummary.FromStopwatchTicks(_delivery.ToArray());
    }

    public LatencySummary Handling()
    {
        lock (_lock)
            return LatencySummary.FromStopwatchTicks(_handling.ToArray());
    }

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class
    {
        var now = Stopwatch.GetTimestamp();
        var inside = Interlocked.Increment(ref _inside);
        lock (_lock)
        {
            _consumed++;
            _sumInside += inside;
            _maxInside = Math.Max(_maxInside, inside);
            if (context.MessageId is { } id && arrivals.Timed && arrivals.TryGetSent(id, out var sent))
            {
                _delivery.Add(now - sent);
                _entered[id] = now;
            }
        }
        return Task.CompletedTask;
    }

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        Left(context.MessageId);
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class
    {
        Interlocked.Increment(ref _faults);
        Left(context.MessageId);
        return Task.CompletedTask;
    }

    private void Left(Guid? messageId)
    {
        var now = Stopwatch.GetTimestamp();
        Interlocked.Decrement(ref _inside);
        if (messageId is not { } id)
            return;
        lock (_lock)
        {
            if (_entered.Remove(id, out var entered))
                _handling.Add(now - entered);
        }
    }
}
