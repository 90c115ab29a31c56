using System.Diagnostics;
using EarlyWarning.Contracts;
using EarlyWarning.Contracts.Incidents;
using EarlyWarning.EventStore;
using EarlyWarning.EventStore.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace EarlyWarning.Benchmarks.Rules;

/// <summary>
/// The SQLite store the back-test reads: one <see cref="IncidentRecorded"/> per incident of the history, on its
/// own <c>incident-{id}</c> stream, in arrival order, with the report and summary ingest would have written.
/// Built in big appends (many streams per call, two calls in flight), and kept for the next run when the data
/// folder is the caller's (<c>--data-dir</c>): a sidecar file names the history it holds.
/// </summary>
public static class BacktestStore
{
    private const int StreamsPerAppend = 1_000;
    private const string Version = "v1";

    /// <summary>Opens the store for <paramref name="history"/>, building it first unless it is already there; says which.</summary>
    public static async Task<(SqliteEventStore Store, string Setup)> OpenAsync(string directory, IncidentHistory history, IncidentHistoryOptions shape, Action<string> progress)
    {
        var path = Path.Combine(directory, "rules-backtest.db");
        var sidecar = path + ".txt";
        var description = $"{Version}; {shape}";
        var settings = new SqliteEventStoreSettings(path);

        if (File.Exists(path) && File.Exists(sidecar) && await File.ReadAllTextAsync(sidecar) == description)
        {
            var existing = await SqliteEventStore.OpenAsync(settings, null, NullLogger.Instance);
            if ((await existing.GetHeadPositionAsync()).Value == history.Count)
                return (existing, $"reused {path} ({Format.Count(history.Count)} events, {new FileInfo(path).Length / (1024.0 * 1024):#,##0} MiB)");
            await existing.DisposeAsync();
        }

        foreach (var file in new[] { path, path + "-wal", path + "-shm", sidecar })
            File.Delete(file);
        var store = await SqliteEventStore.OpenAsync(settings, null, NullLogger.Instance);
        var clock = Stopwatch.StartNew();
        var registry = ContractTypes.CreateRegistry();
        var metadata = new EventMetadata { Source = "ingest" };
        var inFlight = new List<Task>();
        var arrivals = history.Arrivals;
        for (var start = 0; start < arrivals.Count; start += StreamsPerAppend)
        {
            var appends = new List<StreamAppend>(StreamsPerAppend);
            for (var i = start; i < Math.Min(arrivals.Count, start + StreamsPerAppend); i++)
            {
                var incident = arrivals[i].Incident;
                var recorded = new IncidentRecorded(incident.IncidentId, IncidentHistory.ReportOf(incident, i), incident);
                appends.Add(new StreamAppend(IncidentStreams.Incident(incident.IncidentId), ExpectedRevision.NoStream, [registry.ToEventData(recorded, EventIds.New(), metadata)]));
            }
            // Two appends in flight: the next batch is serialised while the last one commits. Positions follow
            // the order of the calls, since the store's single writer takes them in order.
            inFlight.Add(store.AppendAsync(appends));
            if (inFlight.Count == 2)
            {
                await inFlight[0];
                inFlight.RemoveAt(0);
            }
            if ((start / StreamsPerAppend) % 100 == 99)
                progress($"rules: back-test store, {Format.Count(start + StreamsPerAppend)} of {Format.Count(arrivals.Count)} incidents appended ({clock.Elapsed.TotalSeconds:0} s)");
        }
        await Task.WhenAll(inFlight);
        await File.WriteAllTextAsync(sidecar, description);
        return (store, $"built {path} in {clock.Elapsed.TotalSeconds:0} s ({Format.Count(history.Count)} events in appends of {Format.Count(StreamsPerAppend)} streams, {new FileInfo(path).Length / (1024.0 * 1024):#,##0} MiB)");
    }
}
