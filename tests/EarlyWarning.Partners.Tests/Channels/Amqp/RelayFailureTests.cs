using EarlyWarning.Partners.Tests.Http;
using EarlyWarning.Testing;

namespace EarlyWarning.Partners.Tests.Channels.Amqp;

/// <summary>
/// The checkpoint moves only past what the broker confirmed: a nack holds it back and the relay tries again; a
/// connection closed under it is reopened and the relay resumes from its checkpoint; in the end every partner has
/// everything, in store order.
/// </summary>
public sealed class RelayFailureTests : IAsyncLifetime
{
    private RelayApp _app = null!;

    public async Task InitializeAsync() => _app = await RelayApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task a_nacked_publish_holds_the_checkpoint_back_until_the_broker_takes_it()
    {
        await _app.ReportAsync(KpReports.In("peshawar-1", "Peshawar"));
        await _app.CaughtUpAsync();
        // A full queue that rejects publishes: the broker nacks every message the relay sends kp-incidents.
        await _app.Queues.SetPolicyAsync("full", @"^ew\.partner\.kp-incidents\.events$", new Dictionary<string, object> { ["max-length"] = 1, ["overflow"] = "reject-publish" });
        // Publishing before the broker applies it would not be nacked.
        await Eventually.TrueAsync(async () => await _app.Queues.PolicyAsync("kp-incidents") == "full", TimeSpan.FromSeconds(30), "the policy to apply");

        // A quorum queue may take one message past its limit before it rejects: report until the broker nacks.
        var connections = _app.Status.Connections;
        var reported = new List<string>();
        for (var i = 1; i <= 4 && _app.Status.Connections < connections + 2; i++)
        {
            reported.Add(await _app.ReportAsync(KpReports.In($"swat-{i}", "Swat", daysBefore: 2 * i)));
            var deadline = DateTime.UtcNow.AddSeconds(5);
            while (_app.Status.Connections < connections + 2 && DateTime.UtcNow < deadline)
                await Task.Delay(100);
        }
        Assert.True(_app.Status.Connections >= connections + 2, $"the broker never nacked: {_app.Status.Connections} connections, failure: {_app.Status.Failure}");
        var held = await _app.CheckpointAsync();
        var head = (await _app.Store.GetHeadPositionAsync()).Value;
        Assert.True(held < head, $"the checkpoint {held} passed a publish the broker refused (head {head})");
        Assert.NotNull(_app.Status.Failure);
        // It stays there while the broker keeps refusing.
        await Eventually.TrueAsync(() => _app.Status.Connections >= connections + 4, TimeSpan.FromSeconds(30), "two more attempts");
        Assert.Equal(held, await _app.CheckpointAsync());

        await _app.Queues.DeletePolicyAsync("full");
        await _app.CaughtUpAsync();
        Assert.Null(_app.Status.Failure);
        var messages = await _app.Queues.DrainAsync("kp-incidents");
        // The one the full queue still took is sent again with the rest: at least once, never lost.
        Assert.Equal(["peshawar", .. reported.Select(_ => "swat")], messages.DistinctBy(m => m.Id).Select(m => m.Data.GetProperty("incident").GetProperty("location").GetProperty("districtId").GetString()));
    }

    [Fact]
    public async Task a_connection_closed_mid_stream_is_reopened_and_every_partner_gets_everything_in_order()
    {
        const int Reports = 60;
        var closes = 0;
        for (var i = 0; i < Reports; i++)
        {
            await _app.ReportAsync(KpReports.In($"report-{i}", i % 2 == 0 ? "Peshawar" : "Swat", daysBefore: i));
            if (i % 20 == 10)
            {
                await Eventually.TrueAsync(async () => await _app.Queues.CloseConnectionsAsync("earlywarning-partner-relay") > 0, TimeSpan.FromSeconds(30),
                    "the relay's connection to close");
                closes++;
            }
        }
        await _app.CaughtUpAsync();

        Assert.True(_app.Status.Connections > closes, $"{_app.Status.Connections} connections for {closes} closes");
        foreach (var partner in new[] { "kp-incidents", "kp-trusted" })
        {
            var feed = await _app.FeedAsync(partner);
            var messages = await _app.Queues.DrainAsync(partner);
            Assert.Equal(Reports, feed.Count);
            // Everything at least once; in store order, where a resend after a close starts again at most once per close.
            Assert.Equal(feed.Select(e => e.Id), messages.Select(m => m.Id).Distinct());
            var restarts = messages.Zip(messages.Skip(1)).Count(pair => pair.Second.Position <= pair.First.Position);
            Assert.True(restarts <= closes, $"{restarts} restarts for {closes} closes");
        }
    }
}
