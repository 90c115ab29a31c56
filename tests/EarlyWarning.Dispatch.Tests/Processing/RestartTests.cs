using EarlyWarning.Contracts.Soc;
using EarlyWarning.Testing;

namespace EarlyWarning.Dispatch.Tests.Processing;

/// <summary>The dispatch stopped and started again on the same store: what it owes is what the store says.</summary>
public sealed class RestartTests : IAsyncLifetime
{
    private Receiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await Receiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task a_restarted_dispatch_delivers_what_has_no_recorded_outcome_and_nothing_else()
    {
        var settings = Recipients.Of(("soc", _receiver.Add("soc", new ReceiverEndpoint(Recipients.Secret))));
        var id = SampleWarnings.NewId();
        var snapshot = SampleWarnings.Snapshot(id);
        string store;
        await using (var first = await DispatchApp.StartAsync(settings))
        {
            store = first.StorePath;
            await first.AppendAsync(SampleWarnings.Raised(snapshot));
            await first.WaitForAsync(id, e => e.OfType<WarningDelivered>().Any(), "version 1's delivery");
        }
        await using (var recipientless = await DispatchApp.StartAsync(new Dictionary<string, string?>(), store))
            await recipientless.AppendAsync(SampleWarnings.Updated(snapshot, 2));

        await using var second = await DispatchApp.StartAsync(settings, store);
        await second.WaitForAsync(id, e => e.OfType<WarningDelivered>().Count() == 2, "version 2's delivery");

        Assert.Equal([$"{id}:1", $"{id}:2"], _receiver.For("soc").Select(r => r.IdempotencyKey));
    }

    [Fact]
    public async Task versions_recorded_longer_ago_than_max_age_are_not_delivered_on_start()
    {
        var settings = Recipients.Of(("soc", _receiver.Add("soc", new ReceiverEndpoint(Recipients.Secret)))).With("Dispatch:MaxAge", "00:00:01");
        var old = SampleWarnings.NewId();
        var fresh = SampleWarnings.NewId();
        string store;
        await using (var recipientless = await DispatchApp.StartAsync(new Dictionary<string, string?>()))
        {
            store = recipientless.StorePath;
            await recipientless.AppendAsync(SampleWarnings.Raised(SampleWarnings.Snapshot(old)));
        }
        await Task.Delay(1500);

        await using var app = await DispatchApp.StartAsync(settings, store);
        await app.AppendAsync(SampleWarnings.Raised(SampleWarnings.Snapshot(fresh)));
        await app.WaitForAsync(fresh, e => e.OfType<WarningDelivered>().Any(), "the fresh warning's delivery");

        // One queue per recipient: had the old version been queued at start, it would have gone first.
        Assert.Equal([$"{fresh}:1"], _receiver.For("soc").Select(r => r.IdempotencyKey));
        Assert.Empty(await app.SocEventsAsync(old));
    }

    [Fact]
    public async Task an_escalation_that_fell_due_while_the_dispatch_was_down_is_made_once_after_the_restart_and_never_again()
    {
        var settings = Recipients.Of(("soc", new Uri($"http://127.0.0.1:{Ports.Free()}/hook")), ("manager", _receiver.Add("manager", new ReceiverEndpoint(Recipients.Secret))))
            .With("Dispatch:Recipients:0:Escalation:After", "00:00:01")
            .With("Dispatch:Recipients:0:Escalation:Next", "manager")
            .With("Dispatch:Recipients:1:Filter:Rules:0", "no-such-rule");
        var id = SampleWarnings.NewId();
        string store;
        await using (var first = await DispatchApp.StartAsync(settings))
        {
            store = first.StorePath;
            await first.AppendAsync(SampleWarnings.Raised(SampleWarnings.Snapshot(id)));
            await first.WaitForAsync(id, e => e.OfType<WarningDeliveryFailed>().Any(), "the dead letter");
        }
        Assert.Empty(_receiver.For("manager"));
        await Task.Delay(1200);

        await using (var second = await DispatchApp.StartAsync(settings, store))
            await second.WaitForAsync(id, e => e.OfType<WarningDelivered>().Any(d => d.Recipient == "manager"), "the escalation after the restart");
        await using (var third = await DispatchApp.StartAsync(settings, store))
        {
            await Eventually.TrueAsync(() => third.Status.CaughtUp, TimeSpan.FromSeconds(10), "the third run to catch up");
            await Task.Delay(500);
            Assert.Single(await third.SocEventsAsync<WarningEscalated>(id));
        }
        Assert.Equal([$"{id}:1:e1"], _receiver.For("manager").Select(r => r.IdempotencyKey));
    }
}
