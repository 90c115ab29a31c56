using System.Text.Json;
using EarlyWarning.Contracts.Incidents;
using EarlyWarning.EventStore;
using EarlyWarning.Rules.Backtesting;
using EarlyWarning.Rules.Loading;
using EarlyWarning.Rules.Model;
using EarlyWarning.Testing;

namespace EarlyWarning.Rules.Tests.Backtesting;

/// <summary>
/// The back-test reads and decodes on one task and runs the engine on another: over many pages, the engine,
/// <c>observe</c> and progress still see every incident once, in store order, and a failure or cancellation on
/// either side ends the run with that failure, without hanging and without leaving a read of the store open.
/// </summary>
public sealed class BacktesterTests(PagedHistoryStore history) : IClassFixture<PagedHistoryStore>
{
    private static readonly RuleSet Shipped = RuleSetLoader.LoadDirectory(Repository.Rules, Gazetteer.Gazetteer.Default);

    // Long enough for a slow machine, short enough that a hang fails the test instead of the test run.
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(60);

    private static Task<EvaluationRun> EvaluateAsync(IEventReader store, Action<IncidentSummary>? observe = null, IProgress<BacktestProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Backtester.EvaluateAsync(store, Shipped, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, progress, observe, cancellationToken).WaitAsync(Hang, CancellationToken.None);

    [Fact]
    public async Task every_incident_reaches_observe_and_the_engine_once_in_store_order_across_pages()
    {
        var expected = await history.InStoreOrderAsync();
        var observed = new List<IncidentSummary>();

        var run = await EvaluateAsync(history.Store, observed.Add);

        Assert.True(expected.Count > 5 * 8192, $"{expected.Count} incident events, fewer than the pages the reader may run ahead");
        Assert.Equal(expected.Select(e => e.Incident.IncidentId), observed.Select(i => i.IncidentId));
        Assert.Equal(expected.Select(e => Json(e.Incident)), observed.Select(Json));
        // The engine saw them in that order too: its result is the one of feeding them to it on this thread.
        var alone = new EvaluationRun(Shipped, DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        foreach (var (incident, recordedAt) in expected)
            alone.Apply(incident, recordedAt);
        Assert.Equal(expected.Count, run.Events);
        Assert.Equal(alone.TooLate, run.TooLate);
        Assert.NotEmpty(run.Warnings());
        Assert.Equal(Json(alone.Warnings()), Json(run.Warnings()));
    }

    [Fact]
    public async Task progress_follows_the_store_in_order_and_ends_at_its_head()
    {
        var head = await history.Store.GetHeadPositionAsync();
        var progress = new ProgressLog<BacktestProgress>();

        var run = await EvaluateAsync(history.Store, progress: progress);

        var last = progress.Reports[^1];
        Assert.Equal(head.Value, last.Position);
        Assert.Equal(head.Value, last.Head);
        Assert.Equal(run.Events, last.EventsRead);
        Assert.Equal(run.Raised, last.WarningsRaised);
        Assert.Equal(progress.Reports.Select(p => p.Position).Order(), progress.Reports.Select(p => p.Position));
        Assert.Equal(progress.Reports.Select(p => p.EventsRead).Order(), progress.Reports.Select(p => p.EventsRead));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8_191)]
    [InlineData(8_192)]
    [InlineData(20_000)]
    public async Task a_reader_failing_mid_way_fails_the_run_with_the_readers_exception(long failAfter)
    {
        var expected = await history.InStoreOrderAsync();
        var reader = new FaultyReader(history.Store, failAfter);
        var observed = new List<string>();

        var again = new FaultyReader(history.Store, failAfter);

        await Assert.ThrowsAsync<StoreUnavailableException>(() => EvaluateAsync(reader, i => observed.Add(i.IncidentId)));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => Backtester.RunAsync(again, Shipped, DateTimeOffset.MinValue, DateTimeOffset.MaxValue).WaitAsync(Hang));

        Assert.True(observed.Count <= failAfter, $"{observed.Count} incidents evaluated of {failAfter} events read");
        Assert.Equal(expected.Take(observed.Count).Select(e => e.Incident.IncidentId), observed);
        Assert.Equal(0, reader.OpenReads);
        Assert.Equal(0, again.OpenReads);
    }

    [Fact]
    public async Task cancelling_mid_way_ends_the_run_as_cancelled_and_stops_the_reader()
    {
        var reader = new FaultyReader(history.Store);
        using var cancel = new CancellationTokenSource();
        var observed = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => EvaluateAsync(reader, _ =>
        {
            if (++observed == 10_000)
                cancel.Cancel();
        }, cancellationToken: cancel.Token));

        Assert.True(observed < 10_000 + 8_192, $"{observed} incidents evaluated after cancelling at 10,000");
        Assert.Equal(0, reader.OpenReads);
    }

    [Fact]
    public async Task a_failure_in_observe_is_the_failure_the_run_ends_with_and_the_reader_stops()
    {
        // Thrown on the first page, while the reader fills the channel and then waits for room in it.
        var reader = new FaultyReader(history.Store);
        var observed = 0;

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => EvaluateAsync(reader, _ =>
        {
            if (++observed == 100)
                throw new InvalidOperationException("observe failed");
        }));

        Assert.Equal("observe failed", thrown.Message);
        Assert.Equal(0, reader.OpenReads);
    }

    private static string Json(object value) => JsonSerializer.Serialize(value);
}
