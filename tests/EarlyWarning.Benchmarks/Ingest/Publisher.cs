using System.Diagnostics;
using EarlyWarning.Contracts.Reports;
using MassTransit;

namespace EarlyWarning.Benchmarks.Ingest;

/// <summary>
/// Publishes reports the two ways the suite needs: as fast as the bus takes them (a fixed number of publishes
/// in flight), and at a fixed rate. Each report goes out under the message id chosen for it, which ingest
/// carries into its events' correlation id, so the arrival of each one can be matched to its publish.
/// </summary>
public sealed class Publisher(IPublishEndpoint bus, Arrivals arrivals)
{
    /// <summary>
    /// <paramref name="inFlight"/> publishers, each publishing the next report as soon as its last one was
    /// confirmed (RabbitMQ) or handed over (in-memory). Returns when every publish has completed.
    /// </summary>
    public async Task<Throughput> FloodAsync(IReadOnlyList<(Guid MessageId, IncidentReported Report)> reports, int inFlight)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < reports.Count)
                await PublishAsync(reports[i]);
        })));
        return new Throughput(reports.Count, clock.Elapsed);
    }

    /// <summary>
    /// One report every 1/<paramref name="perSecond"/> s on a fixed schedule (a late one does not push the rest
    /// back), each stamped just before its publish. Publishes are not awaited one by one: a slow confirm must
    /// not delay the next report. Returns how long each publish took to complete (the broker's confirm).
    /// </summary>
    public async Task<LatencySummary> PaceAsync(IReadOnlyList<(Guid MessageId, IncidentReported Report)> reports, int perSecond)
    {
        var confirms = new long[reports.Count];
        var pending = new Task[reports.Count];
        var interval = Stopwatch.Frequency / (double)perSecond;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < reports.Count; i++)
        {
            var due = start + (long)(i * interval);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            // Task.Delay wakes about a millisecond late at best; when less than that is left, publish now.
            if (wait > TimeSpan.FromMilliseconds(1))
                await Task.Delay(wait);
            var sent = Stopwatch.GetTimestamp();
            arrivals.Sent(reports[i].MessageId, sent);
            var index = i;
            pending[i] = PublishAsync(reports[i]).ContinueWith(
                t =>
                {
                    confirms[index] = Stopwatch.GetTimestamp() - sent;
                    return t;
                },
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).Unwrap();
        }
        await Task.WhenAll(pending);
        return LatencySummary.FromStopwatchTicks(confirms);
    }

    private Task PublishAsync((Guid MessageId, IncidentReported Report) report) =>
        bus.Publish(report.Report, context => context.MessageId = report.MessageId);
}
