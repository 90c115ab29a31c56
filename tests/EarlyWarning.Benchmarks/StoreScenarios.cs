using System.Collections.Concurrent;
using System.Diagnostics;
using EarlyWarning.EventStore;

namespace EarlyWarning.Benchmarks;

/// <summary>
/// The five scenarios, run through <see cref="IEventStore"/> only, so both adapters are measured by the same
/// code. Each scenario writes to streams of its own (named after the run), and each is warmed up with a
/// short run of itself first: the JIT, the connection pools and the page caches are then in their steady state.
/// </summary>
public sealed class StoreScenarios(IEventStore store, Workload workload, Action<string> progress)
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private int _streams;

    public async Task<StoreResults> RunAsync()
    {
        progress($"single-event appends: warm-up, then {Format.Count(workload.SingleAppends)}");
        await AppendSingleAsync(workload.Warmup(workload.SingleAppends));
        var single = await AppendSingleAsync(workload.SingleAppends);

        progress($"{Workload.BatchSize}-event batches: warm-up, then {Format.Count(workload.Batches)}");
        await AppendBatchesAsync(workload.Warmup(workload.Batches));
        var batches = await AppendBatchesAsync(workload.Batches);

        progress($"{Workload.ConcurrentAppenders} concurrent appenders: warm-up, then {Format.Count(workload.AppendsPerConcurrentAppender)} each");
        await AppendConcurrentlyAsync(workload.Warmup(workload.AppendsPerConcurrentAppender));
        var before = await store.GetHeadPositionAsync();
        var concurrent = await AppendConcurrentlyAsync(workload.AppendsPerConcurrentAppender);
        var perCommit = await EventsPerCommitAsync(before, concurrent.Count);

        // Before the read, so the read covers these events too and nothing is written after it.
        progress($"live subscription latency: warm-up, then {Format.Count(workload.LatencySamples)} samples");
        await MeasureLiveLatencyAsync(workload.Warmup(workload.LatencySamples, minimum: 50));
        var (latency, ack) = await MeasureLiveLatencyAsync(workload.LatencySamples);

        progress("read $all: warm-up, then everything from the start");
        await ReadAllAsync(workload.Warmup(workload.Batches * Workload.BatchSize));
        var read = await ReadAllAsync(long.MaxValue);

        return new StoreResults(single, batches, concurrent, perCommit, read, latency, ack);
    }

    private StreamName NewStream(string scenario) => StreamName.For(scenario, $"{_run}-{Interlocked.Increment(ref _streams)}");

    /// <summary>One appender, one event per call, each call awaited: every event is its own durable commit.</summary>
    public async Task<Throughput> AppendSingleAsync(int count)
    {
        var stream = NewStream("single");
        var expected = ExpectedRevision.NoStream;
        var machine = MachineMeter.Start();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var result = await store.AppendToStreamAsync(stream, expected, SampleEvents.New(workload.TimeOrderedIds));
            expected = ExpectedRevision.Exact(result.LastRevision);
        }
        return new Throughput(count, clock.Elapsed) { Machine = machine.Stop() };
    }

    /// <summary>One appender, <see cref="Workload.BatchSize"/> events per call, each batch to a new stream.</summary>
    public async Task<Throughput> AppendBatchesAsync(int batches)
    {
        var machine = MachineMeter.Start();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < batches; i++)
            await store.AppendToStreamAsync(NewStream("batch"), ExpectedRevision.NoStream, SampleEvents.Batch(Workload.BatchSize, workload.TimeOrderedIds));
        return new Throughput((long)batches * Workload.BatchSize, clock.Elapsed) { Machine = machine.Stop() };
    }

    /// <summary>
    /// <see cref="Workload.ConcurrentAppenders"/> appenders, each awaiting one single-event append at a time
    /// to its own stream. Only the store's group commit can make this faster than the single appender.
    /// </summary>
    public async Task<Throughput> AppendConcurrentlyAsync(int perAppender)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var appenders = Enumerable.Range(0, Workload.ConcurrentAppenders).Select(_ => Task.Run(async () =>
        {
            var stream = NewStream("concurrent");
            var expected = ExpectedRevision.NoStream;
            await start.Task;
            for (var i = 0; i < perAppender; i++)
            {
                var result = await store.AppendToStreamAsync(stream, expected, SampleEvents.New(workload.TimeOrderedIds));
                expected = ExpectedRevision.Exact(result.LastRevision);
            }
        })).ToArray();

        var machine = MachineMeter.Start();
        var clock = Stopwatch.StartNew();
        start.SetResult();
        await Task.WhenAll(appenders);
        return new Throughput((long)perAppender * Workload.ConcurrentAppenders, clock.Elapsed) { Machine = machine.Stop() };
    }

    /// <summary>
    /// The store stamps every event of one commit with the same RecordedAt (microseconds), and commits take far
    /// longer than a microsecond, so distinct stamps count commits: the group size seen from outside the store.
    /// </summary>
    private async Task<double> EventsPerCommitAsync(GlobalPosition after, long count)
    {
        var commits = new HashSet<DateTimeOffset>();
        await foreach (var e in store.ReadAllAsync(after, count))
            commits.Add(e.RecordedAt);
        return commits.Count == 0 ? 0 : (double)count / commits.Count;
    }

    /// <summary>$all forwards from the start, touching each event's data so nothing is read for nothing.</summary>
    public async Task<Throughput> ReadAllAsync(long maxCount)
    {
        long count = 0, bytes = 0;
        var machine = MachineMeter.Start();
        var clock = Stopwatch.StartNew();
        await foreach (var e in store.ReadAllAsync(GlobalPosition.Start, maxCount))
        {
            count++;
            bytes += e.Data.Length;
        }
        var elapsed = clock.Elapsed;
        var used = machine.Stop();
        if (bytes == 0 && count > 0)
            throw new InvalidOperationException("Read events without data.");
        return new Throughput(count, elapsed) { Machine = used };
    }

    /// <summary>
    /// A live subscriber (from the head, after CaughtUp) and one writer appending an event every
    /// <see cref="Workload.LatencyInterval"/>. Latency runs from just before AppendToStreamAsync to the moment the
    /// subscriber's loop sees the event, so it includes the commit's fsync, the wake-up and the read.
    /// </summary>
    public async Task<(LatencySummary Live, LatencySummary Ack)> MeasureLiveLatencyAsync(int samples)
    {
        var sentAt = new ConcurrentDictionary<Guid, long>();
        var latencies = new List<long>(samples);
        var acks = new List<long>(samples);
        var caughtUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var allSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();

        var head = await store.GetHeadPositionAsync();
        var subscriber = Task.Run(async () =>
        {
            try
            {
                await foreach (var message in store.SubscribeToAllAsync(head, null, stop.Token))
                {
                    var now = Stopwatch.GetTimestamp();
                    switch (message)
                    {
                        case SubscriptionMessage.CaughtUp:
                            caughtUp.TrySetResult();
                            break;
                        case SubscriptionMessage.Event e when sentAt.TryRemove(e.Recorded.EventId, out var sent):
                            latencies.Add(now - sent);
                            if (latencies.Count == samples)
                                allSeen.TrySetResult();
                            break;
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The end of the measurement.
            }
        });

        await caughtUp.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var stream = NewStream("latency");
        var expected = ExpectedRevision.NoStream;
        var machine = MachineMeter.Start();
        var pace = Stopwatch.StartNew();
        for (var i = 0; i < samples; i++)
        {
            // A fixed schedule rather than a fixed pause, so a slow commit does not stretch the whole run.
            var due = workload.LatencyInterval * i;
            if (due > pace.Elapsed)
                await Task.Delay(due - pace.Elapsed);
            var e = SampleEvents.New(workload.TimeOrderedIds);
            var sent = Stopwatch.GetTimestamp();
            sentAt[e.EventId] = sent;
            var result = await store.AppendToStreamAsync(stream, expected, e);
            acks.Add(Stopwatch.GetTimestamp() - sent);
            expected = ExpectedRevision.Exact(result.LastRevision);
        }

        await allSeen.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var used = machine.Stop();
        await stop.CancelAsync();
        await subscriber;
        return (LatencySummary.FromStopwatchTicks(latencies) with { Machine = used }, LatencySummary.FromStopwatchTicks(acks));
    }
}
