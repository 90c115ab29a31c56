using System.Diagnostics;
using EarlyWarning.EventStore;
using EarlyWarning.EventStore.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace EarlyWarning.ServiceDefaults.Tests;

public sealed class TracedEventStoreTests : IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "ew-traced-tests", Guid.NewGuid().ToString("N"), "events.db");
    private IEventStore _store = null!;

    public async Task InitializeAsync() =>
        _store = new TracedEventStore(await SqliteEventStore.OpenAsync(new SqliteEventStoreSettings(_path), null, NullLogger.Instance));

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        Directory.Delete(Path.GetDirectoryName(_path)!, recursive: true);
    }

    [Fact]
    public async Task an_append_inside_a_trace_carries_the_trace_context_into_the_stored_metadata()
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == TracedEventStore.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        var stream = StreamName.For("traced", Guid.NewGuid().ToString("N"));

        await _store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, new EventData(Guid.NewGuid(), "V1.Test", "{}"));

        var recorded = await SingleAsync(stream);
        var traceParent = recorded.Metadata.TraceParent;
        Assert.NotNull(traceParent);
        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$", traceParent);
    }

    [Fact]
    public async Task a_writers_own_trace_context_is_kept()
    {
        var stream = StreamName.For("traced", Guid.NewGuid().ToString("N"));
        var own = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

        await _store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, new EventData(Guid.NewGuid(), "V1.Test", "{}", new EventMetadata { TraceParent = own }));

        Assert.Equal(own, (await SingleAsync(stream)).Metadata.TraceParent);
    }

    private async Task<RecordedEvent> SingleAsync(StreamName stream)
    {
        var events = new List<RecordedEvent>();
        await foreach (var e in _store.ReadStreamAsync(stream, Direction.Forwards, StreamRevision.Start, 10))
            events.Add(e);
        return Assert.Single(events);
    }
}
