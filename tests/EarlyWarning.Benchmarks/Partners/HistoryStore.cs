using System.Diagnostics;
using EarlyWarning.Contracts.Incidents;
using EarlyWarning.Contracts.Warnings;
using EarlyWarning.EventStore;
using EarlyWarning.EventStore.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace EarlyWarning.Benchmarks.Partners;

/// <summary>
/// Fills a new SQLite store with the first events of a <see cref="RecordedHistory"/>, straight through the store
/// API: ingest and the rules service would take minutes per million, and what the figures read is the same.
/// Many streams per <c>AppendAsync</c>, two calls in flight, as the back-test's store is built.
/// </summary>
public static class HistoryStore
{
    private const int EventsPerAppend = 1_000;

    public static async Task<StoreFill> FillAsync(string path, RecordedHistory history, int count, string name, Action<string> progress)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            File.Delete(file);
        var clock = Stopwatch.StartNew();
        long incidents = 0, raised = 0, updated = 0, resolved = 0;
        await using (var store = await SqliteEventStore.OpenAsync(new SqliteEventStoreSettings(path), null, NullLogger.Instance))
        {
            var inFlight = new List<Task>();
            var appends = new List<StreamAppend>(EventsPerAppend);
            var made = 0;
            foreach (var e in history.Events(count))
            {
                switch (e.Event)
                {
                    case IncidentRecorded:
                        incidents++;
                        break;
                    case WarningRaised:
                        raised++;
                        break;
                    case WarningUpdated:
                        updated++;
                        break;
                    case WarningResolved:
                        resolved++;
                        break;
                }
                appends.Add(e.Append);
                if (++made % EventsPerAppend != 0 && made != count)
                    continue;
                // Positions follow the order of the calls (the store's single writer takes them in turn), so the
                // next batch is serialised while the last one commits without changing the order.
                inFlight.Add(store.AppendAsync(appends));
                appends = new List<StreamAppend>(EventsPerAppend);
                if (inFlight.Count == 2)
                {
                    await inFlight[0];
                    inFlight.RemoveAt(0);
                }
                if (made % 100_000 == 0)
                    progress($"partners: {name} store, {Format.Count(made)} of {Format.Count(count)} events appended ({clock.Elapsed.TotalSeconds:0} s)");
            }
            await Task.WhenAll(inFlight);
            var head = (await store.GetHeadPositionAsync()).Value;
            if (head != count)
                throw new InvalidOperationException($"the {name} store's head is at {head} after appending {count} events");
        }
        return new StoreFill(path, count, incidents, raised, updated, resolved, clock.Elapsed, new FileInfo(path).Length);
    }
}
