// Usage: CrashWriter sqlite <file> | postgres <connection-string> <schema>
// Prints "ack <event-id>" for every append the store acknowledged, flushed at once, until it is killed.
using EarlyWarning.EventStore;
using EarlyWarning.EventStore.Postgres;
using EarlyWarning.EventStore.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

var logger = NullLogger.Instance;
IEventStore store = args switch
{
    ["sqlite", var path] => await SqliteEventStore.OpenAsync(new SqliteEventStoreSettings(path), null, logger),
    ["postgres", var connection, var schema] => await PostgresEventStore.OpenAsync(new PostgresEventStoreSettings(connection) { Schema = schema }, null, logger),
    _ => throw new ArgumentException("usage: CrashWriter sqlite <file> | postgres <connection-string> <schema>"),
};

var output = Console.Out;
var gate = new object();
var run = Guid.NewGuid().ToString("N")[..8];

// Four appenders, so the store's group commit is exercised while the process dies.
var appenders = Enumerable.Range(0, 4).Select(i => Task.Run(async () =>
{
    var stream = StreamName.For("crash", $"{run}-{i}");
    var expected = ExpectedRevision.NoStream;
    for (var n = 0; ; n++)
    {
        var e = new EventData(EventIds.New(), "V1.CrashTest", $"{{\"n\":{n}}}");
        var result = await store.AppendToStreamAsync(stream, expected, e);
        expected = ExpectedRevision.Exact(result.LastRevision);
        lock (gate)
        {
            output.WriteLine($"ack {e.EventId}");
            output.Flush();
        }
    }
})).ToArray();
await Task.WhenAll(appenders);
