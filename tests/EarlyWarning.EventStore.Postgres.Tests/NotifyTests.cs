using EarlyWarning.EventStore.Conformance;
using Xunit;

namespace EarlyWarning.EventStore.Postgres.Tests;

/// <summary>
/// Live subscriptions hear other writers through LISTEN/NOTIFY, not only through this process's signal.
/// The subscriber's store polls once an hour here, so only a NOTIFY can wake it in time.
/// </summary>
public sealed class NotifyTests(PostgresHarness harness) : IClassFixture<PostgresHarness>
{
    [Fact]
    public async Task a_subscriber_wakes_on_a_notify_from_another_writer()
    {
        var location = await harness.NewLocationAsync();
        await using var writer = await harness.OpenAsync(location);
        await using var subscriber = await harness.OpenAsync(location, new EventStoreOptions { LivePollInterval = TimeSpan.FromHours(1) });
        await using var probe = new SubscriptionProbe(subscriber, GlobalPosition.Start);
        await probe.WaitUntilAsync(m => m.OfType<SubscriptionMessage.CaughtUp>().Any(), what: "caught-up");

        var e = TestEvents.New();
        await writer.AppendToStreamAsync(TestEvents.UniqueStream(), ExpectedRevision.NoStream, e);

        await probe.WaitForEventsAsync(1, TimeSpan.FromSeconds(10));
        Assert.Equal(e.EventId, Assert.Single(probe.Events).EventId);
    }
}
