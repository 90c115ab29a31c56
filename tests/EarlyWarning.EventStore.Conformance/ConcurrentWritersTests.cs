using System.Collections.Concurrent;
using EarlyWarning.EventStore;
using Xunit;

namespace EarlyWarning.EventStore.Conformance;

/// <summary>
/// The gap test. Many writers commit concurrently while a subscriber reads live; in a store that lets a
/// transaction holding a lower position commit after one holding a higher position, a reader that moves
/// its position forward skips the late one. Every event must be seen exactly once, each stream in order.
/// </summary>
public abstract class ConcurrentWritersTests<THarness>(THarness harness) : StoreTests<THarness>(harness)
    where THarness : class, IStoreHarness
{
    protected const int Writers = 8;
    protected const int EventsPerWriter = 1250;
    protected const int Streams = 64;

    /// <summary>The naive-reader demonstration uses the same number of writers.</summary>
    public const int WritersForNaiveDemo = Writers;

    [Fact]
    public async Task a_live_subscriber_sees_every_event_of_concurrent_writers_exactly_once_and_in_stream_order()
    {
        var start = await Store.GetHeadPositionAsync();
        await using var probe = new SubscriptionProbe(Store, start);
        await probe.WaitUntilAsync(m => m.OfType<SubscriptionMessage.CaughtUp>().Any(), what: "caught-up");

        var run = Guid.NewGuid().ToString("N")[..8];
        var written = new ConcurrentBag<Guid>();
        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var random = new Random(w);
            var remaining = EventsPerWriter;
            while (remaining > 0)
            {
                var events = TestEvents.Many(Math.Min(remaining, random.Next(1, 5)));
                var stream = StreamName.For("gap" + run, random.Next(Streams).ToString());
                await Store.AppendToStreamAsync(stream, ExpectedRevision.Any, events);
                foreach (var e in events)
                    written.Add(e.EventId);
                remaining -= events.Length;
            }
        })).ToArray();
        await Task.WhenAll(writers);

        const int total = Writers * EventsPerWriter;
        Assert.Equal(total, written.Count);
        await probe.WaitForEventsAsync(total, TimeSpan.FromSeconds(120));
        await Task.Delay(200); // anything seen twice would arrive now

        var seen = probe.Events.Select(e => new GapAudit.Seen(e.EventId, e.Stream.Value, e.Revision.Value, e.Position.Value)).ToList();
        Assert.Empty(GapAudit.Verify(written.ToArray(), seen));
        Assert.Equal(total, seen.Count);
    }
}
