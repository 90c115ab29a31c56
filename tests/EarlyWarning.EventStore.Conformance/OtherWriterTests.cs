using EarlyWarning.EventStore;
using Xunit;

namespace EarlyWarning.EventStore.Conformance;

/// <summary>
/// A live subscriber hears a writer that is not in its process (here: another store instance on the same
/// data, with its own connections), through whatever the adapter has: NOTIFY, or the poll.
/// </summary>
public abstract class OtherWriterTests<THarness>(THarness harness) : StoreTests<THarness>(harness)
    where THarness : class, IStoreHarness
{
    [Fact]
    public async Task a_live_subscriber_hears_another_writers_events()
    {
        var subscriber = await OpenAsync(new EventStoreOptions { LivePollInterval = Harness.PollToHearOtherWriters });
        await using var probe = new SubscriptionProbe(subscriber, GlobalPosition.Start);
        await probe.WaitUntilAsync(m => m.OfType<SubscriptionMessage.CaughtUp>().Any(), what: "caught-up");

        var events = TestEvents.Many(3);
        await Store.AppendToStreamAsync(TestEvents.UniqueStream(), ExpectedRevision.NoStream, events);

        await probe.WaitForEventsAsync(3, TimeSpan.FromSeconds(10));
        Assert.Equal(events.Select(e => e.EventId), probe.Events.Select(e => e.EventId));
    }
}
