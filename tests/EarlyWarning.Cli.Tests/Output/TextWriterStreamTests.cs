using System.Text;
using System.Text.Json;
using EarlyWarning.Cli.Output;

namespace EarlyWarning.Cli.Tests.Output;

/// <summary>The stream ew's JSON reports are serialised through: the text arrives whole, however the bytes are cut.</summary>
public sealed class TextWriterStreamTests
{
    private const string Text = "Coordinated attacks across districts — Balochistan: 11 incidents, Zhob → Gwadar, ü, 𝄞.";

    [Fact]
    public void characters_cut_between_writes_arrive_whole()
    {
        var bytes = Encoding.UTF8.GetBytes(Text);
        using var output = new StringWriter();
        using var stream = new TextWriterStream(output);

        for (var i = 0; i < bytes.Length; i++)
            stream.Write(bytes, i, 1);

        Assert.Equal(Text, output.ToString());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(16_384)]
    public async Task json_serialised_through_it_in_small_pieces_is_the_text_serialize_gives(int bufferSize)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true, DefaultBufferSize = bufferSize };
        var report = new { headline = Text, warnings = Enumerable.Range(0, 200).Select(i => new { i, headline = Text }).ToList() };
        using var output = new StringWriter();

        await using (var stream = new TextWriterStream(output))
            await JsonSerializer.SerializeAsync(stream, report, options);

        Assert.Equal(JsonSerializer.Serialize(report, options), output.ToString());
    }
}
