using Xunit;

namespace EarlyWarning.EventStore.Tests;

public sealed class ExpectedRevisionTests
{
    public static TheoryData<string, long?, bool> Cases => new()
    {
        { "any", null, true }, { "any", 0, true }, { "any", 7, true },
        { "no-stream", null, true }, { "no-stream", 0, false },
        { "stream-exists", null, false }, { "stream-exists", 0, true }, { "stream-exists", 7, true },
        { "3", null, false }, { "3", 2, false }, { "3", 3, true }, { "3", 4, false },
    };

    private static ExpectedRevision Parse(string text) => text switch
    {
        "any" => ExpectedRevision.Any,
        "no-stream" => ExpectedRevision.NoStream,
        "stream-exists" => ExpectedRevision.StreamExists,
        _ => ExpectedRevision.Exact(long.Parse(text, System.Globalization.CultureInfo.InvariantCulture)),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void an_expectation_holds_exactly_when_the_stream_is_where_it_says(string expected, long? current, bool holds)
    {
        var revision = current is { } c ? new StreamRevision(c) : (StreamRevision?)null;
        Assert.Equal(holds, Parse(expected).IsSatisfiedBy(revision));
        Assert.Equal(expected, Parse(expected).ToString());
    }

    [Fact]
    public void an_exact_expectation_must_be_a_real_revision()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ExpectedRevision.Exact(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ExpectedRevision.Exact(StreamRevision.End));
    }
}
