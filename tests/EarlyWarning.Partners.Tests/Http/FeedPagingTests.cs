using EarlyWarning.Warnings.Tests.Http;

namespace EarlyWarning.Partners.Tests.Http;

/// <summary>A partner reading page by page gets every entitled event once, in store order, across restarts.</summary>
public sealed class FeedPagingTests : IAsyncLifetime
{
    private PartnersApp _app = null!;

    public async Task InitializeAsync() => _app = await PartnersApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task paging_with_next_gets_every_entitled_event_exactly_once_in_store_order()
    {
        // Interleaved with events the partner may not see, so pages end on filtered-out positions too.
        var expected = new List<string>();
        for (var i = 0; i < 23; i++)
        {
            expected.Add(await _app.ReportAsync(KpReports.In($"kp-{i}", daysBefore: i)));
            await _app.ReportAsync(Reports.In($"kech-{i}", "Kech", null, 1, Reports.Attack.AddDays(-3 * i)));
        }

        var events = await _app.ReadAllAsync(PartnersApp.KpIncidents, limit: 4);

        Assert.Equal(expected, events.Select(e => e.GetProperty("data").GetProperty("incidentId").GetString()));
        var positions = events.Select(e => e.GetProperty("position").GetInt64()).ToList();
        Assert.Equal(positions.Order(), positions);
        Assert.Equal(positions.Count, positions.Distinct().Count());
    }

    [Fact]
    public async Task next_skips_what_was_filtered_out_and_a_restart_from_it_loses_nothing()
    {
        await _app.ReportAsync(KpReports.In("kp-a", daysBefore: 0));
        await _app.ReportAsync(Reports.In("kech-a", "Kech", null, 1, Reports.Attack));
        var head = (await _app.Store.GetHeadPositionAsync()).Value;

        var (first, next) = await _app.PageAsync(PartnersApp.KpIncidents, limit: 10);
        Assert.Single(first);
        // The last incident event read was Kech's, which this partner may not see; it is not read again.
        Assert.True(next > first[0].GetProperty("position").GetInt64());

        // The partner stops; more is recorded; it comes back with the position it kept.
        var later = await _app.ReportAsync(KpReports.In("kp-b", daysBefore: 1));
        var (second, after) = await _app.PageAsync(PartnersApp.KpIncidents, next, 10);
        Assert.Equal([later], second.Select(e => e.GetProperty("data").GetProperty("incidentId").GetString()));
        Assert.True(second[0].GetProperty("position").GetInt64() > head);

        var (empty, still) = await _app.PageAsync(PartnersApp.KpIncidents, after, 10);
        Assert.Empty(empty);
        Assert.Equal(after, still);
    }

    [Fact]
    public async Task a_partner_resumes_from_its_last_position_after_the_service_restarts()
    {
        var first = await _app.ReportAsync(KpReports.In("kp-a", daysBefore: 0));
        var (seen, next) = await _app.PageAsync(PartnersApp.KpIncidents);
        Assert.Equal([first], seen.Select(e => e.GetProperty("data").GetProperty("incidentId").GetString()));

        _app = await _app.RestartAsync();
        var second = await _app.ReportAsync(KpReports.In("kp-b", daysBefore: 1));

        Assert.Equal([second], (await _app.ReadAllAsync(PartnersApp.KpIncidents, from: next)).Select(e => e.GetProperty("data").GetProperty("incidentId").GetString()));
    }
}
