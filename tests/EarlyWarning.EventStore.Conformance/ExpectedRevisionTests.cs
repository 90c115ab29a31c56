using EarlyWarning.EventStore;
using Xunit;

namespace EarlyWarning.EventStore.Conformance;

public abstract class ExpectedRevisionTests<THarness>(THarness harness) : StoreTests<THarness>(harness)
    where THarness : class, IStoreHarness
{
    private async Task<StreamName> StreamWithEventsAsync(int count)
    {
        var stream = TestEvents.UniqueStream();
        await Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, TestEvents.Many(count));
        return stream;
    }

    private async Task<WrongExpectedVersionException> AssertRejectedAndNothingWrittenAsync(StreamName stream, ExpectedRevision expected)
    {
        var head = await Store.GetHeadPositionAsync();
        var before = await Store.ReadWholeStreamAsync(stream);
        var error = await Assert.ThrowsAsync<WrongExpectedVersionException>(() => Store.AppendToStreamAsync(stream, expected, TestEvents.Many(2)));
        Assert.Equal(stream, error.Stream);
        Assert.Equal(expected, error.Expected);
        Assert.Equal(head, await Store.GetHeadPositionAsync());
        Assert.Equal(before.Select(e => e.EventId), (await Store.ReadWholeStreamAsync(stream)).Select(e => e.EventId));
        return error;
    }

    [Fact]
    public async Task no_stream_succeeds_on_a_new_stream()
    {
        var result = await Store.AppendToStreamAsync(TestEvents.UniqueStream(), ExpectedRevision.NoStream, TestEvents.New());
        Assert.Equal(StreamRevision.Start, result.LastRevision);
    }

    [Fact]
    public async Task throws_when_stream_exists_but_expected_no_stream()
    {
        var stream = await StreamWithEventsAsync(1);
        var error = await AssertRejectedAndNothingWrittenAsync(stream, ExpectedRevision.NoStream);
        Assert.Equal(new StreamRevision(0), error.Actual);
    }

    [Fact]
    public async Task throws_when_stream_is_missing_but_expected_to_exist()
    {
        var error = await AssertRejectedAndNothingWrittenAsync(TestEvents.UniqueStream(), ExpectedRevision.StreamExists);
        Assert.Null(error.Actual);
    }

    [Fact]
    public async Task stream_exists_succeeds_on_an_existing_stream()
    {
        var stream = await StreamWithEventsAsync(2);
        var result = await Store.AppendToStreamAsync(stream, ExpectedRevision.StreamExists, TestEvents.New());
        Assert.Equal(new StreamRevision(2), result.LastRevision);
    }

    [Fact]
    public async Task exact_succeeds_at_the_current_revision()
    {
        var stream = await StreamWithEventsAsync(3);
        var result = await Store.AppendToStreamAsync(stream, ExpectedRevision.Exact(2), TestEvents.Many(2));
        Assert.Equal(new StreamRevision(4), result.LastRevision);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5)]
    public async Task throws_when_exact_revision_is_not_the_current_one(long expected)
    {
        var stream = await StreamWithEventsAsync(3);
        var error = await AssertRejectedAndNothingWrittenAsync(stream, ExpectedRevision.Exact(expected));
        Assert.Equal(new StreamRevision(2), error.Actual);
    }

    [Fact]
    public async Task throws_when_exact_revision_is_expected_of_a_missing_stream()
    {
        var error = await AssertRejectedAndNothingWrittenAsync(TestEvents.UniqueStream(), ExpectedRevision.Exact(0));
        Assert.Null(error.Actual);
    }

    [Fact]
    public async Task any_appends_whatever_the_stream_state()
    {
        var stream = TestEvents.UniqueStream();
        await Store.AppendToStreamAsync(stream, ExpectedRevision.Any, TestEvents.New());
        var result = await Store.AppendToStreamAsync(stream, ExpectedRevision.Any, TestEvents.New());
        Assert.Equal(new StreamRevision(1), result.LastRevision);
    }

    [Fact]
    public async Task a_unit_with_one_wrong_expectation_writes_none_of_its_streams()
    {
        var good = TestEvents.UniqueStream();
        var bad = await StreamWithEventsAsync(1);
        var head = await Store.GetHeadPositionAsync();

        await Assert.ThrowsAsync<WrongExpectedVersionException>(() => Store.AppendAsync(
        [
            new StreamAppend(good, ExpectedRevision.NoStream, TestEvents.Many(2)),
            new StreamAppend(bad, ExpectedRevision.NoStream, TestEvents.Many(1)),
        ]));

        Assert.Empty(await Store.ReadWholeStreamAsync(good));
        Assert.Equal(head, await Store.GetHeadPositionAsync());
    }

    [Fact]
    public async Task of_concurrent_appends_expecting_the_same_revision_exactly_one_wins()
    {
        var stream = await StreamWithEventsAsync(1);
        var attempts = Enumerable.Range(0, 10)
            .Select(_ => Store.AppendToStreamAsync(stream, ExpectedRevision.Exact(0), TestEvents.New()))
            .ToArray();
        var outcomes = await Task.WhenAll(attempts.Select(async t =>
        {
            try
            {
                await t;
                return true;
            }
            catch (WrongExpectedVersionException)
            {
                return false;
            }
        }));

        Assert.Equal(1, outcomes.Count(ok => ok));
        Assert.Equal(2, (await Store.ReadWholeStreamAsync(stream)).Count);
    }
}
