using System.Diagnostics;
using EarlyWarning.Contracts.Incidents;
using EarlyWarning.EventStore;
using EarlyWarning.Rules.Model;
using EarlyWarning.Rules.Processing;

namespace EarlyWarning.Rules.Backtesting;

/// <summary>
/// Evaluates a rule set over the stored history with the same engine and the same inputs as the live service,
/// in the order the store recorded them, and appends nothing. Warnings say when they would have been known:
/// the recorded time of the event that raised them, which for a late report is later than the event time.
/// </summary>
public static class Backtester
{
    private const int PageSize = 8192;

    public static async Task<BacktestResult> RunAsync(
        IEventReader store, RuleSet ruleSet, DateTimeOffset from, DateTimeOffset to, IProgress<BacktestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var run = await EvaluateAsync(store, ruleSet, from, to, progress, observe: null, cancellationToken).ConfigureAwait(false);
        return run.Result(clock.Elapsed);
    }

    /// <summary>
    /// The run itself; <paramref name="observe"/> sees every incident event's summary in store order, whatever its
    /// event time, so a caller can keep the incidents as finally known from the same read.
    /// </summary>
    internal static async Task<EvaluationRun> EvaluateAsync(
        IEventReader store, RuleSet ruleSet, DateTimeOffset from, DateTimeOffset to, IProgress<BacktestProgress>? progress, Action<IncidentSummary>? observe, CancellationToken cancellationToken)
    {
        var head = await store.GetHeadPositionAsync(cancellationToken).ConfigureAwait(false);
        var run = new EvaluationRun(ruleSet, from, to);
        var filter = EventFilter.ForStreams(IncidentStreams.IncidentPrefix);
        var position = GlobalPosition.Start;
        var reported = Stopwatch.StartNew();
        while (true)
        {
            var read = 0;
            await foreach (var recorded in store.ReadAllAsync(position, PageSize, filter, cancellationToken).ConfigureAwait(false))
            {
                read++;
                position = recorded.Position;
                if (IncidentEventDecoder.Carries(recorded) && IncidentEventDecoder.Decode(recorded) is { } incident)
                {
                    observe?.Invoke(incident);
                    run.Apply(incident, recorded.RecordedAt);
                }
            }
            if (progress is not null && (read < PageSize || reported.ElapsedMilliseconds >= 250))
            {
                progress.Report(new BacktestProgress(run.Events, position.Value, head.Value, run.Raised));
                reported.Restart();
            }
            if (read < PageSize)
                break;
        }
        return run;
    }
}
