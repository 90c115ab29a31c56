using System.Diagnostics;
using EarlyWarning.Contracts.Incidents;
using EarlyWarning.Contracts.Warnings;
using EarlyWarning.EventStore;
using EarlyWarning.Rules.Engine;
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
        var head = await store.GetHeadPositionAsync(cancellationToken).ConfigureAwait(false);
        var engine = new RuleEngine();
        var output = new List<EmittedWarningEvent>();
        var raised = new Dictionary<string, WarningRaised>(StringComparer.Ordinal);
        engine.Activate(ruleSet, from, output);
        var filter = EventFilter.ForStreams(IncidentStreams.IncidentPrefix);
        var position = GlobalPosition.Start;
        long events = 0;
        var reported = Stopwatch.StartNew();
        while (true)
        {
            var read = 0;
            await foreach (var recorded in store.ReadAllAsync(position, PageSize, filter, cancellationToken).ConfigureAwait(false))
            {
                read++;
                position = recorded.Position;
                if (IncidentEventDecoder.Carries(recorded) && IncidentEventDecoder.Decode(recorded) is { } incident && incident.OccurredAt <= to)
                {
                    events++;
                    engine.Apply(incident, recorded.RecordedAt, output);
                    foreach (var emitted in output)
                    {
                        if (emitted.Event is WarningRaised r)
                            raised[emitted.WarningId] = r;
                    }
                    output.Clear();
                }
            }
            if (progress is not null && (read < PageSize || reported.ElapsedMilliseconds >= 250))
            {
                progress.Report(new BacktestProgress(events, position.Value, head.Value, raised.Count));
                reported.Restart();
            }
            if (read < PageSize)
                break;
        }

        var warnings = engine.Warnings
            .Where(w => w.Snapshot.FirstHeldAt >= from && w.Snapshot.FirstHeldAt <= to && raised.ContainsKey(w.Snapshot.WarningId))
            .Select(w => new BacktestWarning(w.Snapshot, raised[w.Snapshot.WarningId].KnownAt, raised[w.Snapshot.WarningId].LateBy, w.Version, w.ResolutionReason))
            .OrderBy(w => w.Warning.FirstHeldAt).ThenBy(w => w.Warning.WarningId, StringComparer.Ordinal)
            .ToList();
        return new BacktestResult(ruleSet, from, to, events, engine.TooLate, warnings, clock.Elapsed);
    }
}
