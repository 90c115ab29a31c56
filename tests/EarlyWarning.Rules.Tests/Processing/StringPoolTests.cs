using System.Text;
using System.Text.Json;
using EarlyWarning.Rules.Processing;

namespace EarlyWarning.Rules.Tests.Processing;

/// <summary>The pool gives each value's own text, one instance per value while it has room, and refuses what a JSON string cannot hold unescaped.</summary>
public sealed class StringPoolTests
{
    [Fact]
    public void ten_thousand_values_of_one_length_each_read_back_as_themselves_and_the_first_ones_shared()
    {
        var pool = new StringPool();
        var values = Enumerable.Range(0, 10_000).Select(i => $"district-{i:D5}").ToList();

        var first = values.Select(v => pool.Get(Encoding.UTF8.GetBytes(v))).ToList();
        var again = values.Select(v => pool.Get(Encoding.UTF8.GetBytes(v))).ToList();

        Assert.Equal<string?>(values, first);
        Assert.Equal<string?>(values, again);
        // The pool holds 4,096 values; those met first stay shared, the rest are equal strings of their own.
        Assert.All(Enumerable.Range(0, 4096), i => Assert.Same(first[i], again[i]));
        Assert.NotSame(first[^1], again[^1]);
    }

    [Fact]
    public void a_value_read_as_bytes_and_through_a_json_reader_is_one_instance()
    {
        var pool = new StringPool();
        var fromBytes = pool.Get("Kech — کیچ"u8);
        var reader = new Utf8JsonReader("\"Kech \\u2014 کیچ\""u8);
        reader.Read();

        Assert.Same(fromBytes, pool.Get(ref reader));
        Assert.Equal("Kech — کیچ", fromBytes);
    }

    [Theory]
    [InlineData(new byte[] { (byte)'a', 0x09, (byte)'b' })]
    [InlineData(new byte[] { (byte)'a', 0xC3 })]
    [InlineData(new byte[] { 0xFF, (byte)'a' })]
    public void text_with_a_control_character_or_invalid_utf8_is_refused_however_often_asked(byte[] utf8)
    {
        var pool = new StringPool();

        Assert.Null(pool.Get(utf8));
        Assert.Null(pool.Get(utf8));
        Assert.Null(pool.Get([.. utf8, .. Enumerable.Repeat((byte)'x', 70)]));
    }
}
