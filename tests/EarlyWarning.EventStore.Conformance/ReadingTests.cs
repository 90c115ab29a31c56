using System.Text;
using EarlyWarning.EventStore;
using Xunit;

namespace EarlyWarning.EventStore.Conformance;

public abstract class ReadingTests<THarness>(THarness harness) : StoreTests<THarness>(harness)
    where THarness : class, IStoreHarness
{
    // A page size that does not divide the counts below, so reads cross internal page boundaries.
    protected override EventStoreOptions? Options => new() { ReadPageSize = 7 };

    private async Task<List<long>> RevisionsAsync(StreamName stream, Direction direction, long from, long max)
    {
        var revisions = new List<long>();
        await foreach (var e in Store.ReadStreamAsync(stream, direction, from, max))
            revisions.Add(e.Revision.Value);
        return revisions;
    }

    [Fact]
    public async Task a_stream_reads_forwards_page_by_page()
    {
        var stream = TestEvents.UniqueStream();
        await Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, TestEvents.Many(25));

        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), await RevisionsAsync(stream, Direction.Forwards, 0, 10));
        Assert.Equal(Enumerable.Range(10, 10).Select(i => (long)i), await RevisionsAsync(stream, Direction.Forwards, 10, 10));
        Assert.Equal(Enumerable.Range(20, 5).Select(i => (long)i), await RevisionsAsync(stream, Direction.Forwards, 20, 10));
        Assert.Empty(await RevisionsAsync(stream, Direction.Forwards, 25, 10));
        Assert.Equal(25, (await RevisionsAsync(stream, Direction.Forwards, 0, long.MaxValue)).Count);
    }

    [Fact]
    public async Task a_stream_reads_backwards_page_by_page()
    {
        var stream = TestEvents.UniqueStream();
        await Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, TestEvents.Many(25));

        Assert.Equal(Enumerable.Range(15, 10).Reverse().Select(i => (long)i), await RevisionsAsync(stream, Direction.Backwards, StreamRevision.End.Value, 10));
        Assert.Equal(Enumerable.Range(5, 10).Reverse().Select(i => (long)i), await RevisionsAsync(stream, Direction.Backwards, 14, 10));
        Assert.Equal(Enumerable.Range(0, 5).Reverse().Select(i => (long)i), await RevisionsAsync(stream, Direction.Backwards, 4, 10));
        Assert.Equal(25, (await RevisionsAsync(stream, Direction.Backwards, StreamRevision.End.Value, long.MaxValue)).Count);
    }

    [Fact]
    public async Task a_missing_stream_reads_as_empty()
    {
        Assert.Empty(await RevisionsAsync(TestEvents.UniqueStream(), Direction.Forwards, 0, 10));
        Assert.Empty(await RevisionsAsync(TestEvents.UniqueStream(), Direction.Backwards, StreamRevision.End.Value, 10));
    }

    [Fact]
    public async Task all_reads_forwards_from_a_position_across_streams()
    {
        var start = await Store.GetHeadPositionAsync();
        var streams = Enumerable.Range(0, 3).Select(_ => TestEvents.UniqueStream()).ToArray();
        var written = new List<Guid>();
        for (var round = 0; round < 6; round++)
        {
            foreach (var stream in streams)
            {
                var events = TestEvents.Many(round % 2 + 1);
                await Store.AppendToStreamAsync(stream, ExpectedRevision.Any, events);
                written.AddRange(events.Select(e => e.EventId));
            }
        }

        var all = await Store.ReadAllAfterAsync(start);
        Assert.Equal(written, all.Select(e => e.EventId));
        Assert.True(all.Zip(all.Skip(1)).All(p => p.First.Position < p.Second.Position));

        var middle = all[10].Position;
        Assert.Equal(written.Skip(11), (await Store.ReadAllAfterAsync(middle)).Select(e => e.EventId));

        var limited = new List<RecordedEvent>();
        await foreach (var e in Store.ReadAllAsync(start, 9))
            limited.Add(e);
        Assert.Equal(written.Take(9), limited.Select(e => e.EventId));
    }

    [Fact]
    public async Task all_reads_only_what_the_filter_lets_through()
    {
        var start = await Store.GetHeadPositionAsync();
        var category = "flt" + Guid.NewGuid().ToString("N")[..8];
        var incident = StreamName.For(category + "incident", "1");
        var warning = StreamName.For(category + "warning", "1");
        await Store.AppendToStreamAsync(incident, ExpectedRevision.Any, [TestEvents.New("V1.IncidentRecorded"), TestEvents.New("V1.IncidentCorrected")]);
        await Store.AppendToStreamAsync(warning, ExpectedRevision.Any, [TestEvents.New("V1.WarningRaised"), TestEvents.New("v1.incidentlowercase")]);
        // A prefix holding LIKE wildcards must match literally.
        await Store.AppendToStreamAsync(incident, ExpectedRevision.Any, [TestEvents.New("V1_IncidentX")]);

        var byType = await Store.ReadAllAfterAsync(start, EventFilter.ForEventTypes("V1.Incident"));
        Assert.Equal(["V1.IncidentRecorded", "V1.IncidentCorrected"], byType.Select(e => e.Type));

        var byStream = await Store.ReadAllAfterAsync(start, EventFilter.ForStreams(category + "warning-"));
        Assert.Equal(["V1.WarningRaised", "v1.incidentlowercase"], byStream.Select(e => e.Type));

        var both = await Store.ReadAllAfterAsync(start, new EventFilter(["V1.Warning", "V1.IncidentCorrected"], [category]));
        Assert.Equal(["V1.IncidentCorrected", "V1.WarningRaised"], both.Select(e => e.Type));
    }

    [Fact]
    public async Task a_scan_of_all_visits_what_a_read_of_all_gives()
    {
        var start = await Store.GetHeadPositionAsync();
        var category = "scn" + Guid.NewGuid().ToString("N")[..8];
        var incident = StreamName.For(category + "incident", "1");
        var other = StreamName.For(category + "other", "1");
        for (var round = 0; round < 10; round++)
        {
            await Store.AppendToStreamAsync(incident, ExpectedRevision.Any, [TestEvents.New("V1.IncidentRecorded", $"{{\"round\":{round},\"text\":\"ünïcode – {new string('x', round * 300)}\"}}"), TestEvents.New("V1.IncidentCorroborated")]);
            await Store.AppendToStreamAsync(other, ExpectedRevision.Any, [TestEvents.New("V1.WarningRaised")]);
        }
        var filter = EventFilter.ForStreams(category + "incident-");
        var all = await Store.ReadAllAfterAsync(start);
        var filtered = await Store.ReadAllAfterAsync(start, filter);

        var (scanned, to) = await ScanAsync(start, 1000, null);
        Assert.Equal(Views(all), scanned);
        Assert.Equal(all[^1].Position, to);

        // A page of a filtered scan, then the next from where it got to, then one past the end.
        var (first, firstTo) = await ScanAsync(start, 7, filter);
        var (rest, restTo) = await ScanAsync(firstTo, 1000, filter);
        Assert.Equal(Views(filtered.Take(7)), first);
        Assert.Equal(filtered[6].Position, firstTo);
        Assert.Equal(Views(filtered.Skip(7)), rest);
        Assert.Equal(filtered[^1].Position, restTo);
        var (none, noneTo) = await ScanAsync(restTo, 1000, filter);
        Assert.Empty(none);
        Assert.Equal(restTo, noneTo);
    }

    [Fact]
    public async Task a_cancelled_scan_throws()
    {
        await Store.AppendToStreamAsync(TestEvents.UniqueStream(), ExpectedRevision.NoStream, TestEvents.Many(3));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.ScanAllAsync(GlobalPosition.Start, 10, null, new ViewCopier(), cancelled.Token));
    }

    private async Task<(List<string> Views, GlobalPosition To)> ScanAsync(GlobalPosition after, int maxCount, EventFilter? filter)
    {
        var copier = new ViewCopier();
        var to = await Store.ScanAllAsync(after, maxCount, filter, copier);
        return (copier.Views, to);
    }

    private static List<string> Views(IEnumerable<RecordedEvent> events) =>
        [.. events.Select(e => View(e.Position, Encoding.UTF8.GetBytes(e.Type), e.Data.Span, e.RecordedAt))];

    private static string View(GlobalPosition position, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data, DateTimeOffset recordedAt) =>
        $"{position.Value} {Encoding.UTF8.GetString(type)} {recordedAt:O} {Convert.ToHexString(data)}";

    /// <summary>Copies what it is shown: a view lives only as long as the call it is given to.</summary>
    private sealed class ViewCopier : IEventVisitor
    {
        public List<string> Views { get; } = [];

        public void Visit(in EventView recorded) => Views.Add(View(recorded.Position, recorded.Type, recorded.Data, recorded.RecordedAt));
    }
}
