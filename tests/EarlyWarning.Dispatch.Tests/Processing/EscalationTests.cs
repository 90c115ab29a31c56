using EarlyWarning.Contracts.Soc;
using EarlyWarning.EventStore;
using EarlyWarning.Testing;

namespace EarlyWarning.Dispatch.Tests.Processing;

public sealed class EscalationTests : IAsyncLifetime
{
    private Receiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await Receiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    private Dictionary<string, string?> Chain(Uri first, string after, int repeat = 0, string? managerAfter = null)
    {
        var settings = Recipients.Of(("soc", first), ("manager", _receiver.Add("manager", new ReceiverEndpoint(Recipients.Secret))), ("director", _receiver.Add("director", new ReceiverEndpoint(Recipients.Secret))))
            .With("Dispatch:Recipients:0:Escalation:After", after)
            .With("Dispatch:Recipients:0:Escalation:Next", "manager")
            .With("Dispatch:Recipients:0:Escalation:Repeat", repeat.ToString(System.Globalization.CultureInfo.InvariantCulture))
            // Only first-line deliveries go to the manager and director through their filters: none here.
            .With("Dispatch:Recipients:1:Filter:Rules:0", "no-such-rule")
            .With("Dispatch:Recipients:2:Filter:Rules:0", "no-such-rule");
        if (managerAfter is not null)
        {
            settings["Dispatch:Recipients:1:Escalation:After"] = managerAfter;
            settings["Dispatch:Recipients:1:Escalation:Next"] = "director";
        }
        return settings;
    }

    [Fact]
    public async Task a_recipient_down_for_the_whole_policy_is_dead_lettered_and_the_warning_escalates_to_the_next_with_the_e1_key_after_its_delay()
    {
        var down = new Uri($"http://127.0.0.1:{Ports.Free()}/hook");
        await using var app = await DispatchApp.StartAsync(Chain(down, "00:00:00.400"));
        var id = SampleWarnings.NewId();
        await app.AppendAsync(SampleWarnings.Raised(SampleWarnings.Snapshot(id)));

        await app.WaitForAsync(id, e => e.OfType<WarningDelivered>().Any(d => d.Recipient == "manager"), "the escalation's delivery");

        var events = await app.SocEventsAsync(id);
        var failed = Assert.Single(events.OfType<WarningDeliveryFailed>());
        Assert.Equal(("soc", 0), (failed.Recipient, failed.Escalation));
        var escalated = Assert.Single(events.OfType<WarningEscalated>());
        Assert.Equal(("soc", "manager", 1, 1), (escalated.From, escalated.To, escalated.Escalation, escalated.Version));
        Assert.True(escalated.EscalatedAt - failed.FailedAt >= TimeSpan.FromMilliseconds(400), $"escalated {(escalated.EscalatedAt - failed.FailedAt).TotalMilliseconds} ms after the dead letter");
        var delivered = Assert.Single(events.OfType<WarningDelivered>());
        Assert.Equal(("manager", 1, $"{id}:1:e1"), (delivered.Recipient, delivered.Escalation, delivered.IdempotencyKey));
        var request = Assert.Single(_receiver.For("manager"));
        Assert.Equal($"{id}:1:e1", request.IdempotencyKey);
        Assert.Equal(1, request.Body.GetProperty("escalation").GetInt32());
        Assert.Empty(_receiver.For("director"));
    }

    [Fact]
    public async Task an_acknowledgement_before_the_delay_prevents_the_escalation()
    {
        var url = _receiver.Add("soc", new ReceiverEndpoint(Recipients.Secret));
        await using var app = await DispatchApp.StartAsync(Chain(url, "00:00:01.500"));
        var id = SampleWarnings.NewId();
        await app.AppendAsync(SampleWarnings.Raised(SampleWarnings.Snapshot(id)));
        await app.WaitForAsync(id, e => e.OfType<WarningDelivered>().Any(), "the first-line delivery");

        await app.Store.AppendToStreamAsync(SocStreams.Soc(id), ExpectedRevision.Any,
            app.Registry.ToEventData(new WarningAcknowledged(id, 1, "duty-officer", "on it", DateTimeOffset.UtcNow), EventIds.New()));
        await Task.Delay(2500);

        Assert.Empty(await app.SocEventsAsync<WarningEscalated>(id));
        Assert.Empty(_receiver.For("manager"));
    }

    [Fact]
    public async Task without_an_acknowledgement_the_chain_runs_to_its_end_and_starts_over_from_the_first_recipients_next_as_often_as_it_repeats()
    {
        var url = _receiver.Add("soc", new ReceiverEndpoint(Recipients.Secret));
        await using var app = await DispatchApp.StartAsync(Chain(url, "00:00:00.200", repeat: 1, managerAfter: "00:00:00.200"));
        var id = SampleWarnings.NewId();
        await app.AppendAsync(SampleWarnings.Raised(SampleWarnings.Snapshot(id)));

        await app.WaitForAsync(id, e => e.OfType<WarningDelivered>().Count(d => d.Escalation > 0) == 4, "four escalations delivered");
        await Task.Delay(800);

        var escalations = await app.SocEventsAsync<WarningEscalated>(id);
        Assert.Equal(["1 soc→manager", "2 manager→director", "3 director→manager", "4 manager→director"], escalations.Select(e => $"{e.Escalation} {e.From}→{e.To}"));
        Assert.Equal([$"{id}:1:e1", $"{id}:1:e3"], _receiver.For("manager").Select(r => r.IdempotencyKey));
        Assert.Equal([$"{id}:1:e2", $"{id}:1:e4"], _receiver.For("director").Select(r => r.IdempotencyKey));
    }

    [Fact]
    public async Task a_resolution_stops_the_escalation_and_goes_to_everyone_the_warning_went_to()
    {
        var url = _receiver.Add("soc", new ReceiverEndpoint(Recipients.Secret));
        await using var app = await DispatchApp.StartAsync(Chain(url, "00:00:00.300", repeat: 5));
        var id = SampleWarnings.NewId();
        var snapshot = SampleWarnings.Snapshot(id);
        await app.AppendAsync(SampleWarnings.Raised(snapshot));
        await app.WaitForAsync(id, e => e.OfType<WarningDelivered>().Any(d => d.Recipient == "manager"), "the first escalation's delivery");

        await app.AppendAsync(SampleWarnings.Resolved(snapshot, 2));
        await app.WaitForAsync(id, e => e.OfType<WarningDelivered>().Count(d => d.Version == 2) == 2, "the resolution's deliveries");
        var escalationsAtResolve = (await app.SocEventsAsync<WarningEscalated>(id)).Count;
        await Task.Delay(1000);

        Assert.Equal(escalationsAtResolve, (await app.SocEventsAsync<WarningEscalated>(id)).Count);
        Assert.Contains($"{id}:2", _receiver.For("soc").Select(r => r.IdempotencyKey));
        Assert.Contains($"{id}:2", _receiver.For("manager").Select(r => r.IdempotencyKey));
    }
}
