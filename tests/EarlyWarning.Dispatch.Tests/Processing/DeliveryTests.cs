using System.Diagnostics;
using EarlyWarning.Contracts.Soc;
using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.Contracts.Warnings;
using EarlyWarning.Testing;

namespace EarlyWarning.Dispatch.Tests.Processing;

/// <summary>The dispatch in the test process on a real SQLite store, delivering to real Kestrel receivers.</summary>
public sealed class DeliveryTests : IAsyncLifetime
{
    private Receiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await Receiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task a_receiver_failing_its_first_two_requests_gets_each_version_once_in_version_order_and_the_first_delivery_records_three_attempts()
    {
        var url = _receiver.Add("soc", new ReceiverEndpoint(Recipients.Secret) { FailFirst = 2 });
        await using var app = await DispatchApp.StartAsync(Recipients.Of(("soc-quetta", url)));
        var id = SampleWarnings.NewId();
        var snapshot = SampleWarnings.Snapshot(id);
        await app.AppendAsync(SampleWarnings.Raised(snapshot));
        await app.AppendAsync(SampleWarnings.Updated(snapshot with { Killed = 20 }, 2));
        await app.AppendAsync(SampleWarnings.Resolved(snapshot, 3));

        await app.WaitForAsync(id, e => e.OfType<WarningDelivered>().Count() == 3, "three deliveries");

        var delivered = await app.SocEventsAsync<WarningDelivered>(id);
        Assert.Equal([1, 2, 3], delivered.Select(d => d.Version));
        Assert.Equal([3, 1, 1], delivered.Select(d => d.Attempts));
        Assert.All(delivered, d => Assert.Equal((200, "soc-quetta", "webhook", 0), (d.StatusCode, d.Recipient, d.Channel, d.Escalation)));
        Assert.Equal([$"{id}:1", $"{id}:2", $"{id}:3"], delivered.Select(d => d.IdempotencyKey));

        var requests = _receiver.For("soc");
        Assert.All(requests, r => Assert.True(r.SignatureValid));
        Assert.Equal([500, 500, 200, 200, 200], requests.Select(r => r.Status));
        // Exactly one effective (2xx) delivery per key, in version order.
        Assert.Equal([$"{id}:1", $"{id}:2", $"{id}:3"], requests.Where(r => r.Status == 200).Select(r => r.IdempotencyKey));
        Assert.All(requests.Take(3), r => Assert.Equal($"{id}:1", r.IdempotencyKey));

        var bodies = requests.Where(r => r.Status == 200).Select(r => r.Body).ToList();
        Assert.Equal(["raised", "updated", "resolved"], bodies.Select(b => b.GetProperty("kind").GetString()));
        Assert.Equal(20, bodies[1].GetProperty("warning").GetProperty("killed").GetInt32());
        Assert.Equal("version 1 → 2", bodies[1].GetProperty("changes")[0].GetString());
        Assert.Equal(WarningResolved.ReasonQuiet, bodies[2].GetProperty("reason").GetString());
        Assert.Equal($"/api/warnings/{id}", bodies[0].GetProperty("links").GetProperty("warning").GetString());
        Assert.Equal($"/api/warnings/{id}/cap", bodies[0].GetProperty("links").GetProperty("cap").GetString());
        Assert.Equal("soc-quetta", bodies[0].GetProperty("recipient").GetString());
        Assert.Equal(0, bodies[0].GetProperty("escalation").GetInt32());
    }

    [Fact]
    public async Task a_receiver_asking_to_retry_after_a_second_is_not_asked_again_sooner()
    {
        // The back-off is 20 ms at first; the receiver's Retry-After asks for one second, within MaxDelay.
        var url = _receiver.Add("busy", new ReceiverEndpoint(Recipients.Secret) { FailFirst = 1, FailStatus = 429, RetryAfterSeconds = 1 });
        var settings = new Dictionary<string, string?>(Recipients.Of(("soc-busy", url))) { ["Dispatch:MaxDelay"] = "00:00:05" };
        await using var app = await DispatchApp.StartAsync(settings);
        var id = SampleWarnings.NewId();
        await app.AppendAsync(SampleWarnings.Raised(SampleWarnings.Snapshot(id)));

        await app.WaitForAsync(id, e => e.OfType<WarningDelivered>().Any(), "the delivery");

        var requests = _receiver.For("busy");
        Assert.Equal([429, 200], requests.Select(r => r.Status));
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromSeconds(0.9), $"asked again after {requests[1].At - requests[0].At}");
        Assert.Equal(2, Assert.Single(await app.SocEventsAsync<WarningDelivered>(id)).Attempts);
    }

    [Fact]
    public async Task a_4xx_answer_other_than_408_or_429_is_dead_lettered_at_once_without_a_retry()
    {
        var url = _receiver.Add("strict", new ReceiverEndpoint(Recipients.Secret) { FailFirst = int.MaxValue, FailStatus = 422 });
        await using var app = await DispatchApp.StartAsync(Recipients.Of(("soc-strict", url)));
        var id = SampleWarnings.NewId();
        await app.AppendAsync(SampleWarnings.Raised(SampleWarnings.Snapshot(id)));

        await app.WaitForAsync(id, e => e.OfType<WarningDeliveryFailed>().Any(), "a dead letter");

        var failed = Assert.Single(await app.SocEventsAsync<WarningDeliveryFailed>(id));
        Assert.Equal(1, failed.Attempts);
        Assert.Contains("422", failed.Error, StringComparison.Ordinal);
        Assert.Contains("not retried", failed.Error, StringComparison.Ordinal);
        Assert.Single(_receiver.For("strict"));
    }

    [Fact]
    public async Task a_receiver_answering_503_to_every_attempt_is_dead_lettered_after_the_policy_is_spent()
    {
        var url = _receiver.Add("down", new ReceiverEndpoint(Recipients.Secret) { FailFirst = int.MaxValue, FailStatus = 503 });
        await using var app = await DispatchApp.StartAsync(Recipients.Of(("soc-down", url)));
        var id = SampleWarnings.NewId();
        await app.AppendAsync(SampleWarnings.Raised(SampleWarnings.Snapshot(id)));

        await app.WaitForAsync(id, e => e.OfType<WarningDeliveryFailed>().Any(), "a dead letter");

        var failed = Assert.Single(await app.SocEventsAsync<WarningDeliveryFailed>(id));
        Assert.Equal((3, $"{id}:1"), (failed.Attempts, failed.IdempotencyKey));
        Assert.Contains("503", failed.Error, StringComparison.Ordinal);
        Assert.Equal(3, _receiver.For("down").Count);
        Assert.Empty(await app.SocEventsAsync<WarningDelivered>(id));
    }

    [Fact]
    public async Task a_wrong_secret_is_refused_by_the_receiver_and_dead_lettered()
    {
        var url = _receiver.Add("other-secret", new ReceiverEndpoint("a-different-secret-0123456789"));
        await using var app = await DispatchApp.StartAsync(Recipients.Of(("soc-misconfigured", url)));
        var id = SampleWarnings.NewId();
        await app.AppendAsync(SampleWarnings.Raised(SampleWarnings.Snapshot(id)));

        await app.WaitForAsync(id, e => e.OfType<WarningDeliveryFailed>().Any(), "a dead letter");

        var request = Assert.Single(_receiver.For("other-secret"));
        Assert.False(request.SignatureValid);
        Assert.Contains("401", Assert.Single(await app.SocEventsAsync<WarningDeliveryFailed>(id)).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task filters_choose_the_recipients_a_suppressed_version_goes_to_nobody_and_the_resolution_goes_to_those_sent_an_earlier_version()
    {
        var names = new[] { "balochistan", "kp", "extreme", "cluster-rule", "everything" };
        var settings = Recipients.Of(names.Select(n => (n, _receiver.Add("f-" + n, new ReceiverEndpoint(Recipients.Secret)))).ToArray())
            .With("Dispatch:Recipients:0:Filter:Provinces:0", "balochistan")
            .With("Dispatch:Recipients:1:Filter:Provinces:0", "khyber-pakhtunkhwa")
            .With("Dispatch:Recipients:2:Filter:MinimumSeverity", CapSeverity.Extreme)
            .With("Dispatch:Recipients:3:Filter:Rules:0", "district-attack-cluster");
        await using var app = await DispatchApp.StartAsync(settings);

        var a = SampleWarnings.NewId();
        var silenced = SampleWarnings.NewId();
        var c = SampleWarnings.NewId();
        var snapshotA = SampleWarnings.Snapshot(a);
        await app.AppendAsync(SampleWarnings.Raised(snapshotA));
        await app.AppendAsync(SampleWarnings.Updated(snapshotA with { Suppression = new WarningSuppression(WarningSuppression.Silenced, "s1", "exercise") }, 2));
        await app.AppendAsync(SampleWarnings.Raised(SampleWarnings.Snapshot(silenced, suppression: new WarningSuppression(WarningSuppression.Inhibited, "w0", "bigger warning"))));
        await app.AppendAsync(SampleWarnings.Raised(SampleWarnings.Snapshot(c, "khyber-pakhtunkhwa", CapSeverity.Extreme, "district-attack-cluster")));
        await app.AppendAsync(SampleWarnings.Resolved(snapshotA with { Severity = CapSeverity.Minor }, 3));

        await app.WaitForAsync(a, e => e.OfType<WarningDelivered>().Count() == 4, "warning A's deliveries");
        await app.WaitForAsync(c, e => e.OfType<WarningDelivered>().Count() == 4, "warning C's deliveries");

        string[] Got(string id) => _receiver.Requests.Where(r => r.IdempotencyKey.StartsWith(id, StringComparison.Ordinal))
            .Select(r => $"{r.Endpoint[2..]} {r.IdempotencyKey[(id.Length + 1)..]}").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["balochistan 1", "balochistan 3", "everything 1", "everything 3"], Got(a));
        Assert.Empty(Got(silenced));
        Assert.Equal(["cluster-rule 1", "everything 1", "extreme 1", "kp 1"], Got(c));
        Assert.Empty(await app.SocEventsAsync(silenced));
    }

    [Fact]
    public async Task one_warning_goes_to_twenty_slow_receivers_in_parallel()
    {
        var delay = TimeSpan.FromMilliseconds(400);
        var endpoints = Enumerable.Range(0, 20).Select(i => ($"fan-{i}", _receiver.Add($"fan-{i}", new ReceiverEndpoint(Recipients.Secret) { Delay = delay }))).ToArray();
        await using var app = await DispatchApp.StartAsync(Recipients.Of(endpoints));
        var id = SampleWarnings.NewId();

        var clock = Stopwatch.StartNew();
        await app.AppendAsync(SampleWarnings.Raised(SampleWarnings.Snapshot(id)));
        await app.WaitForAsync(id, e => e.OfType<WarningDelivered>().Count() == 20, "twenty deliveries");

        Assert.True(clock.Elapsed < delay * 8, $"twenty deliveries of {delay.TotalMilliseconds} ms each took {clock.Elapsed.TotalMilliseconds:0} ms: not in parallel");
        Assert.Equal(20, _receiver.Requests.Count(r => r.Endpoint.StartsWith("fan-", StringComparison.Ordinal) && r.Status == 200));
    }

    [Fact]
    public async Task an_endpoint_nothing_listens_on_is_dead_lettered_with_the_connection_error()
    {
        await using var app = await DispatchApp.StartAsync(Recipients.Of(("soc-gone", new Uri($"http://127.0.0.1:{Ports.Free()}/hook"))));
        var id = SampleWarnings.NewId();
        await app.AppendAsync(SampleWarnings.Raised(SampleWarnings.Snapshot(id)));

        await app.WaitForAsync(id, e => e.OfType<WarningDeliveryFailed>().Any(), "a dead letter");

        var failed = Assert.Single(await app.SocEventsAsync<WarningDeliveryFailed>(id));
        Assert.Equal(3, failed.Attempts);
        Assert.Contains("refused", failed.Error, StringComparison.OrdinalIgnoreCase);
    }
}
