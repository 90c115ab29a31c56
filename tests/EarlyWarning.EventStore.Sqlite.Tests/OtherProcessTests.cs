using EarlyWarning.EventStore.Conformance;
using Xunit;

namespace EarlyWarning.EventStore.Sqlite.Tests;

/// <summary>SQLite has no NOTIFY: a writer in another process is heard through the live poll.</summary>
public sealed class OtherProcessTests(SqliteHarness harness) : IClassFixture<SqliteHarness>
{
    [Fact]
    public async Task a_subscriber_sees_another_writers_events_through_the_poll()
    {
        var location = await harness.NewLocationAsync();
        await using var subscriber = await harness.OpenAsync(location, new EventStoreOptions { LivePollInterval = TimeSpan.FromMilliseconds(100) });
        await using var writer = await harness.OpenAsync(location);
        await using var probe = new SubscriptionProbe(subscriber, GlobalPosition.Start);
        await probe.WaitUntilAsync(m => m.OfType<SubscriptionMessage.CaughtUp>().Any(), what: "caught-up");

        var events = TestEvents.Many(3);
        await writer.AppendToStreamAsync(TestEvents.UniqueStream(), ExpectedRevision.NoStream, events);

        await probe.WaitForEventsAsync(3, TimeSpan.FromSeconds(10));
        Assert.Equal(events.Select(e => e.EventId), probe.Events.Select(e => e.EventId));
    }
}
