using Xunit;

namespace EarlyWarning.EventStore.Tests;

public sealed class StreamNameTests
{
    [Theory]
    [InlineData("incident-42")]
    [InlineData("warning-spread.balochistan-2026")]
    [InlineData("Kēch")]
    [InlineData("$ruleset")]
    public void a_printable_name_is_accepted(string name) => Assert.Equal(name, new StreamName(name).Value);

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("$all")]
    [InlineData("tab\there")]
    public void a_bad_name_is_an_argument_error_that_says_why(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => new StreamName(name));
        Assert.Contains("stream name", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void a_name_is_at_most_256_characters()
    {
        Assert.Equal(256, new StreamName(new string('a', 256)).Value.Length);
        var error = Assert.Throws<ArgumentException>(() => new StreamName(new string('a', 257)));
        Assert.Contains("257", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void a_category_and_id_make_a_kurrentdb_style_name() =>
        Assert.Equal("incident-42", StreamName.For("incident", "42").Value);
}
