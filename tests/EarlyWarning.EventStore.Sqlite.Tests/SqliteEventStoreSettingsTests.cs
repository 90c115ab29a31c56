using System.Text;
using EarlyWarning.EventStore.Conformance;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace EarlyWarning.EventStore.Sqlite.Tests;

public sealed class SqliteEventStoreSettingsTests : IDisposable
{
    private readonly SqliteHarness _harness = new();

    [Fact]
    public async Task a_negative_read_memory_map_is_refused_and_creates_nothing()
    {
        var location = await _harness.NewLocationAsync();

        var refused = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            SqliteEventStore.OpenAsync(new SqliteEventStoreSettings(location) { ReadMemoryMap = -1 }, null, NullLogger.Instance));

        Assert.Contains(nameof(SqliteEventStoreSettings.ReadMemoryMap), refused.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(location));
    }

    [Fact]
    public async Task mapped_readers_see_what_unmapped_ones_see_including_appends_after_they_mapped_the_file()
    {
        var location = await _harness.NewLocationAsync();
        var stream = TestEvents.UniqueStream();
        List<string> mapped;
        await using (var store = await SqliteEventStore.OpenAsync(new SqliteEventStoreSettings(location), null, NullLogger.Instance))
        {
            // Events from a few bytes to several pages, so some rows spill onto overflow pages.
            await store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, [.. Enumerable.Range(0, 200).Select(Sized)]);
            Assert.Equal(200, (await Scan(store)).Count);
            // The file grows past what the readers mapped when they first read it.
            await store.AppendToStreamAsync(stream, ExpectedRevision.Any, [.. Enumerable.Range(200, 400).Select(Sized)]);
            mapped = await Scan(store);
        }

        await using var unmapped = await SqliteEventStore.OpenAsync(new SqliteEventStoreSettings(location) { ReadMemoryMap = 0 }, null, NullLogger.Instance);
        Assert.Equal(600, mapped.Count);
        Assert.Equal(await Scan(unmapped), mapped);
    }

    public void Dispose() => _harness.Dispose();

    private static EventData Sized(int i) =>
        TestEvents.New(json: $"{{\"i\":{i},\"text\":\"{new string((char)('a' + (i % 26)), (i * 97) % 20_000)}\"}}");

    private static async Task<List<string>> Scan(IEventStore store)
    {
        var copier = new Copier();
        await store.ScanAllAsync(GlobalPosition.Start, int.MaxValue, null, copier);
        return copier.Views;
    }

    private sealed class Copier : IEventVisitor
    {
        public List<string> Views { get; } = [];

        public void Visit(in EventView recorded) =>
            Views.Add($"{recorded.Position.Value} {Encoding.UTF8.GetString(recorded.Type)} {recorded.RecordedAt:O} {Convert.ToHexString(recorded.Data)}");
    }
}
