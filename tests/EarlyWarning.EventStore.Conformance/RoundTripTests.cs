using System.Text;
using EarlyWarning.EventStore;
using Xunit;

namespace EarlyWarning.EventStore.Conformance;

public abstract class RoundTripTests<THarness>(THarness harness) : StoreTests<THarness>(harness)
    where THarness : class, IStoreHarness
{
    [Fact]
    public async Task a_recorded_event_keeps_every_field()
    {
        var stream = TestEvents.UniqueStream("incident");
        var metadata = new EventMetadata
        {
            CorrelationId = "corr-" + Guid.NewGuid(),
            CausationId = "cause-" + Guid.NewGuid(),
            TraceParent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            TraceState = "ew=1",
            Source = "sources.scenario",
            SchemaVersion = 3,
        };
        // Non-ASCII text, escapes and odd spacing: the data must come back byte for byte, not re-serialised.
        var json = "{ \"district\": \"Kēch (Turbat)\",  \"note\":\"\\u00e9 \\\"quoted\\\"\", \"n\": 1.50 }";
        var sent = new EventData(Guid.NewGuid(), "V1.IncidentRecorded", Encoding.UTF8.GetBytes(json), metadata);

        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var result = await Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, sent);
        var after = DateTimeOffset.UtcNow.AddSeconds(1);

        var fromStream = Assert.Single(await Store.ReadWholeStreamAsync(stream));
        var fromAll = Assert.Single(await Store.ReadAllAfterAsync(new GlobalPosition(result.LastPosition.Value - 1)));
        foreach (var recorded in new[] { fromStream, fromAll })
        {
            Assert.Equal(sent.EventId, recorded.EventId);
            Assert.Equal(sent.Type, recorded.Type);
            Assert.Equal(stream, recorded.Stream);
            Assert.Equal(StreamRevision.Start, recorded.Revision);
            Assert.Equal(result.LastPosition, recorded.Position);
            Assert.Equal(json, Encoding.UTF8.GetString(recorded.Data.Span));
            Assert.Equal(metadata, recorded.Metadata);
            Assert.InRange(recorded.RecordedAt, before, after);
            Assert.Equal(TimeSpan.Zero, recorded.RecordedAt.Offset);
        }
        Assert.Equal(fromStream.RecordedAt, fromAll.RecordedAt);
        Assert.Equal(new StreamRevision(0), result.LastRevision);
        Assert.False(result.AlreadyRecorded);
    }

    [Fact]
    public async Task revisions_count_up_from_zero_and_positions_rise_across_streams()
    {
        var a = TestEvents.UniqueStream();
        var b = TestEvents.UniqueStream();
        var first = await Store.AppendToStreamAsync(a, ExpectedRevision.NoStream, TestEvents.Many(2));
        var second = await Store.AppendToStreamAsync(b, ExpectedRevision.NoStream, TestEvents.Many(1));
        var third = await Store.AppendToStreamAsync(a, ExpectedRevision.Exact(1), TestEvents.Many(3));

        Assert.Equal(new StreamRevision(1), first.LastRevision);
        Assert.Equal(new StreamRevision(0), second.LastRevision);
        Assert.Equal(new StreamRevision(4), third.LastRevision);
        Assert.True(first.LastPosition < second.LastPosition && second.LastPosition < third.LastPosition);
        Assert.Equal([0L, 1, 2, 3, 4], (await Store.ReadWholeStreamAsync(a)).Select(e => e.Revision.Value));
        Assert.Equal(third.LastPosition, await Store.GetHeadPositionAsync());
    }

    [Fact]
    public async Task empty_metadata_reads_back_as_empty()
    {
        var stream = TestEvents.UniqueStream();
        await Store.AppendToStreamAsync(stream, ExpectedRevision.Any, TestEvents.New());
        var recorded = Assert.Single(await Store.ReadWholeStreamAsync(stream));
        Assert.Equal(EventMetadata.Empty, recorded.Metadata);
    }
}
