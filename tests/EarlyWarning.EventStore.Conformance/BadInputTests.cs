using System.Text;
using EarlyWarning.EventStore;
using Xunit;

namespace EarlyWarning.EventStore.Conformance;

public abstract class BadInputTests<THarness>(THarness harness) : StoreTests<THarness>(harness)
    where THarness : class, IStoreHarness
{
    private async Task AssertRejectedAndNothingWrittenAsync<TException>(Func<Task> append)
        where TException : ArgumentException
    {
        var head = await Store.GetHeadPositionAsync();
        var error = await Assert.ThrowsAnyAsync<TException>(append);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        Assert.Equal(head, await Store.GetHeadPositionAsync());

        // The store keeps serving after bad input.
        await Store.AppendToStreamAsync(TestEvents.UniqueStream(), ExpectedRevision.NoStream, TestEvents.New());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("$all")]
    [InlineData("bad\nname")]
    public async Task a_bad_stream_name_is_an_argument_error(string name) =>
        await AssertRejectedAndNothingWrittenAsync<ArgumentException>(() => Store.AppendToStreamAsync(name, ExpectedRevision.Any, TestEvents.New()));

    [Fact]
    public async Task an_over_long_stream_name_is_an_argument_error()
    {
        await Store.AppendToStreamAsync(new string('s', StreamName.MaxLength), ExpectedRevision.Any, TestEvents.New());
        await AssertRejectedAndNothingWrittenAsync<ArgumentException>(() =>
            Store.AppendToStreamAsync(new string('s', StreamName.MaxLength + 1), ExpectedRevision.Any, TestEvents.New()));
    }

    [Fact]
    public async Task an_event_over_the_default_1_MiB_limit_is_rejected()
    {
        var json = "\"" + new string('x', 1024 * 1024) + "\"";
        await AssertRejectedAndNothingWrittenAsync<EventTooLargeException>(() =>
            Store.AppendToStreamAsync(TestEvents.UniqueStream(), ExpectedRevision.Any, TestEvents.New(json: json)));
    }

    [Fact]
    public async Task the_size_limit_is_configurable()
    {
        var store = await OpenAsync(new EventStoreOptions { MaxEventSizeBytes = 4096 });
        await store.AppendToStreamAsync(TestEvents.UniqueStream(), ExpectedRevision.Any, TestEvents.New(json: "\"" + new string('x', 3000) + "\""));
        var error = await Assert.ThrowsAsync<EventTooLargeException>(() =>
            store.AppendToStreamAsync(TestEvents.UniqueStream(), ExpectedRevision.Any, TestEvents.New(json: "\"" + new string('x', 5000) + "\"")));
        Assert.Equal(4096, error.Limit);
    }

    public static TheoryData<string, byte[]> NotJson => new()
    {
        { "empty", [] },
        { "truncated object", Encoding.UTF8.GetBytes("{\"a\": 1") },
        { "bare word", Encoding.UTF8.GetBytes("incident") },
        { "two documents", Encoding.UTF8.GetBytes("{} {}") },
        { "unterminated string", Encoding.UTF8.GetBytes("\"abc") },
        { "invalid UTF-8", [0x22, 0xC3, 0x28, 0x22] },
        { "comment", Encoding.UTF8.GetBytes("{} // note") },
    };

    [Theory]
    [MemberData(nameof(NotJson))]
    public async Task data_that_is_not_json_is_rejected(string what, byte[] data)
    {
        Assert.NotNull(what);
        await AssertRejectedAndNothingWrittenAsync<ArgumentException>(() =>
            Store.AppendToStreamAsync(TestEvents.UniqueStream(), ExpectedRevision.Any, new EventData(Guid.NewGuid(), "V1.Test", data, EventMetadata.Empty)));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("V1.Bad\u0000Type")]
    public async Task a_bad_event_type_is_rejected(string type) =>
        await AssertRejectedAndNothingWrittenAsync<ArgumentException>(() =>
            Store.AppendToStreamAsync(TestEvents.UniqueStream(), ExpectedRevision.Any, TestEvents.New(type: type)));

    [Fact]
    public async Task an_empty_event_id_is_rejected() =>
        await AssertRejectedAndNothingWrittenAsync<ArgumentException>(() =>
            Store.AppendToStreamAsync(TestEvents.UniqueStream(), ExpectedRevision.Any, TestEvents.New() with { EventId = Guid.Empty }));

    [Fact]
    public async Task an_append_without_events_is_rejected() =>
        await AssertRejectedAndNothingWrittenAsync<ArgumentException>(() =>
            Store.AppendToStreamAsync(TestEvents.UniqueStream(), ExpectedRevision.Any, Array.Empty<EventData>()));

    [Fact]
    public async Task the_same_event_id_twice_in_one_append_is_rejected()
    {
        var e = TestEvents.New();
        await AssertRejectedAndNothingWrittenAsync<ArgumentException>(() =>
            Store.AppendToStreamAsync(TestEvents.UniqueStream(), ExpectedRevision.Any, [e, e]));
    }

    [Fact]
    public async Task one_bad_event_rejects_the_whole_append()
    {
        var stream = TestEvents.UniqueStream();
        await AssertRejectedAndNothingWrittenAsync<ArgumentException>(() =>
            Store.AppendToStreamAsync(stream, ExpectedRevision.Any, [TestEvents.New(), TestEvents.New(json: "{oops")]));
        Assert.Empty(await Store.ReadWholeStreamAsync(stream));
    }
}
