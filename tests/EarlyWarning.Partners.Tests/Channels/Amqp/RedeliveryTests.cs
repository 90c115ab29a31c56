using EarlyWarning.Partners.Tests.Http;
using EarlyWarning.Warnings.Tests.Http;

namespace EarlyWarning.Partners.Tests.Channels.Amqp;

/// <summary>Re-delivery over AMQP: the same events, with the same ids, to the one partner, and the relay's checkpoint left alone.</summary>
public sealed class RedeliveryTests : IAsyncLifetime
{
    private RelayApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await RelayApp.StartAsync();
        await _app.ReportAsync(KpReports.In("peshawar-1", "Peshawar"));
        await _app.ReportAsync(Reports.In("turbat-1", "Kech", "Turbat", 1, Reports.Attack.AddDays(-2)));
        await _app.ReportAsync(KpReports.In("swat-1", "Swat", daysBefore: 2));
        await _app.ReportAsync(KpReports.In("mardan-1", "Mardan", daysBefore: 4));
        await _app.CaughtUpAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task redelivery_from_a_position_republishes_the_same_ids_to_that_partner_only()
    {
        var sent = await _app.Queues.DrainAsync("kp-incidents");
        Assert.Equal(3, sent.Count);
        await _app.Queues.DrainAsync("turbat-town");
        await _app.Queues.DrainAsync("kp-trusted");
        var checkpoint = await _app.CheckpointAsync();

        var after = sent[0].Position;
        var result = await _app.Channel.RedeliverAsync(_app.Partner("kp-incidents"), after, CancellationToken.None);

        var again = await _app.Queues.DrainAsync("kp-incidents");
        Assert.Equal(sent.Skip(1).Select(m => m.Id), again.Select(m => m.Id));
        Assert.Equal(sent.Skip(1).Select(m => m.CloudEvent.GetRawText()), again.Select(m => m.CloudEvent.GetRawText()));
        Assert.Equal(("amqp", "kp-incidents", after, checkpoint, 2), (result.Channel, result.Partner, result.After, result.Through, result.Events));
        Assert.Empty(await _app.Queues.DrainAsync("turbat-town"));
        Assert.Empty(await _app.Queues.DrainAsync("kp-trusted"));
        Assert.Equal(checkpoint, await _app.CheckpointAsync());
    }

    [Fact]
    public async Task redelivery_from_the_start_republishes_everything_the_partner_may_see()
    {
        var sent = await _app.Queues.DrainAsync("turbat-town");

        var result = await _app.Channel.RedeliverAsync(_app.Partner("turbat-town"), 0, CancellationToken.None);

        Assert.Equal(sent.Select(m => m.Id), (await _app.Queues.DrainAsync("turbat-town")).Select(m => m.Id));
        Assert.Equal(1, result.Events);
    }
}
