using EarlyWarning.EventStore;
using Xunit;

namespace EarlyWarning.EventStore.Conformance;

public abstract class IdempotencyTests<THarness>(THarness harness) : StoreTests<THarness>(harness)
    where THarness : class, IStoreHarness
{
    [Theory]
    [InlineData("no-stream")]
    [InlineData("any")]
    public async Task re_appending_the_same_event_ids_is_a_no_op(string expectation)
    {
        var stream = TestEvents.UniqueStream();
        var events = TestEvents.Many(3);
        var expected = expectation == "any" ? ExpectedRevision.Any : ExpectedRevision.NoStream;
        var first = await Store.AppendToStreamAsync(stream, expected, events);
        var head = await Store.GetHeadPositionAsync();

        var again = await Store.AppendToStreamAsync(stream, expected, events);

        Assert.True(again.AlreadyRecorded);
        Assert.Equal(first.LastRevision, again.LastRevision);
        Assert.Equal(first.LastPosition, again.LastPosition);
        Assert.Equal(head, await Store.GetHeadPositionAsync());
        Assert.Equal(events.Select(e => e.EventId), (await Store.ReadWholeStreamAsync(stream)).Select(e => e.EventId));
    }

    [Fact]
    public async Task re_appending_with_the_original_exact_expectation_is_a_no_op_after_the_stream_moved_on()
    {
        var stream = TestEvents.UniqueStream();
        await Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, TestEvents.Many(2));
        var events = TestEvents.Many(2);
        var first = await Store.AppendToStreamAsync(stream, ExpectedRevision.Exact(1), events);
        await Store.AppendToStreamAsync(stream, ExpectedRevision.Exact(3), TestEvents.Many(1));

        var again = await Store.AppendToStreamAsync(stream, ExpectedRevision.Exact(1), events);

        Assert.True(again.AlreadyRecorded);
        Assert.Equal(first.LastPosition, again.LastPosition);
        Assert.Equal(5, (await Store.ReadWholeStreamAsync(stream)).Count);
    }

    [Fact]
    public async Task the_same_ids_at_a_different_revision_are_an_error()
    {
        var stream = TestEvents.UniqueStream();
        var events = TestEvents.Many(2);
        await Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, events);
        var head = await Store.GetHeadPositionAsync();

        var error = await Assert.ThrowsAsync<DuplicateEventIdException>(() => Store.AppendToStreamAsync(stream, ExpectedRevision.Exact(1), events));

        Assert.Equal(events[0].EventId, error.EventId);
        Assert.Equal(new StreamRevision(0), error.RecordedRevision);
        Assert.Equal(head, await Store.GetHeadPositionAsync());
    }

    [Fact]
    public async Task the_same_ids_in_another_stream_are_an_error()
    {
        var events = TestEvents.Many(1);
        var original = TestEvents.UniqueStream();
        await Store.AppendToStreamAsync(original, ExpectedRevision.NoStream, events);
        var other = TestEvents.UniqueStream();

        var error = await Assert.ThrowsAsync<DuplicateEventIdException>(() => Store.AppendToStreamAsync(other, ExpectedRevision.Any, events));

        Assert.Equal(original, error.RecordedStream);
        Assert.Empty(await Store.ReadWholeStreamAsync(other));
    }

    [Fact]
    public async Task an_append_that_repeats_only_some_ids_is_an_error_and_writes_nothing()
    {
        var stream = TestEvents.UniqueStream();
        var events = TestEvents.Many(2);
        await Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, events);
        var head = await Store.GetHeadPositionAsync();

        await Assert.ThrowsAsync<DuplicateEventIdException>(() => Store.AppendToStreamAsync(stream, ExpectedRevision.Any, [events[1], TestEvents.New()]));

        Assert.Equal(head, await Store.GetHeadPositionAsync());
    }

    [Fact]
    public async Task the_same_append_sent_100_times_concurrently_is_recorded_once()
    {
        var stream = TestEvents.UniqueStream();
        var e = TestEvents.New();

        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, e)));

        Assert.Single(await Store.ReadWholeStreamAsync(stream));
        Assert.Equal(1, results.Count(r => !r.AlreadyRecorded));
        Assert.Single(results.Select(r => r.LastPosition).Distinct());
    }
}
