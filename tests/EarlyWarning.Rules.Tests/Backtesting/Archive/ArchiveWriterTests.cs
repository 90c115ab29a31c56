using System.Buffers.Binary;
using System.Text;
using EarlyWarning.Rules.Backtesting.Archive;

namespace EarlyWarning.Rules.Tests.Backtesting.Archive;

public sealed class ArchiveWriterTests
{
    // Held here, not in test-case attributes: a test runner may replace an unpaired surrogate in a case's arguments.
    private static readonly string[] Texts =
    [
        "", "Quetta", "ڈیرہ بگٹی — Dera Bugti", "🚨 alert", "lone high \ud800 in the middle", "lone low \udc00",
        "ends on a high \ud83d", "\udc00\ud800 reversed pair", "———", "\ud800\ud800",
    ];

    [Fact]
    public void text_is_its_length_and_the_bytes_encoding_utf8_makes_of_it()
    {
        Assert.Contains(Texts, t => t.Length > 0 && char.IsHighSurrogate(t[^1]));
        foreach (var value in Texts)
        {
            var writer = new ArchiveWriter();
            writer.Text(value);

            var expected = Encoding.UTF8.GetBytes(value);
            Assert.Equal(sizeof(int) + expected.Length, writer.Length);
            Assert.Equal(expected.Length, BinaryPrimitives.ReadInt32LittleEndian(writer.Written));
            Assert.Equal(expected, writer.Written[sizeof(int)..].ToArray());
        }
    }

    [Fact]
    public void a_shared_value_has_one_index_whichever_instance_of_it_is_written_and_whenever()
    {
        var writer = new ArchiveWriter();
        var random = new Random(3);
        // Far more values than the writer keeps at hand, so that values meet in its table of recent ones; each
        // written as several instances of equal text.
        var texts = Enumerable.Range(0, 3_000).Select(i => $"district-{i}").ToArray();
        var written = new List<string>();
        for (var i = 0; i < 20_000; i++)
        {
            var text = texts[random.Next(texts.Length)];
            var value = random.Next(3) == 0 ? new string(text.AsSpan()) : text;
            writer.Shared(value);
            written.Add(value);
        }

        var bytes = writer.Written;
        var indexes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < written.Count; i++)
        {
            var index = BinaryPrimitives.ReadInt32LittleEndian(bytes[(i * sizeof(int))..]);
            Assert.Equal(written[i], writer.Strings[index]);
            Assert.Equal(indexes.TryAdd(written[i], index) ? index : indexes[written[i]], index);
        }
        Assert.Equal(indexes.Count, writer.Strings.Count);
    }
}
