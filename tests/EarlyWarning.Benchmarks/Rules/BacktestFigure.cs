using System.Diagnostics;
using System.Globalization;
using EarlyWarning.Contracts.Incidents;
using EarlyWarning.EventStore;
using EarlyWarning.Rules.Backtesting;
using EarlyWarning.Rules.Model;

namespace EarlyWarning.Benchmarks.Rules;

/// <summary>
/// Figure 2: <see cref="Backtester.RunAsync"/> over the stored history, end to end, beside two raw limits measured
/// in the same run on the same store: reading every incident event the way the back-tester reads them (same pages,
/// same stream filter) doing nothing with them, and that read plus decoding each event's summary with the decoder
/// the back-tester uses. The differences are the store's share, JSON's and the engine's; but the back-tester reads
/// and decodes on one task while the engine runs on another, so its difference from (b) is the engine's time that
/// reading and decoding do not hide (and the garbage collector's, which stops both).
/// </summary>
public sealed class BacktestFigure(BenchmarkOptions options, RuleSet ruleSet, IncidentHistory history, IncidentHistoryOptions shape, TimeSpan? engineAlone, Action<string> progress)
{
    private const int Runs = 3;

    // The history is let go once the store holds it: an operator's back-test has no million incidents in memory
    // beside it, and a collector marking through them would slow the back-test for the figure alone.
    private IncidentHistory? _history = history;
    private readonly int _count = history.Count;

    // The raw reads page as the back-test does.
    private const int PageSize = Backtester.PageSize;

    public async Task<RulesSection> RunAsync()
    {
        var (store, setup) = await BacktestStore.OpenAsync(options.DataDirectory, _history!, shape, progress);
        await using var _ = store;
        var (from, to) = (_history!.FirstOccurredAt, _history.LastOccurredAt);
        var described = _history.Describe();
        _history = null;

        var recordedReads = new List<Measured>();
        var read = new List<Measured>();
        var decoded = new List<Measured>();
        var backtests = new List<Measured>();
        BacktestResult? result = null;
        for (var i = 1; i <= Runs; i++)
        {
            progress($"rules: back-test run {i} of {Runs}: raw read as recorded events");
            recordedReads.Add(await TimedAsync(() => ReadRecordedAsync(store)));
            progress($"rules: back-test run {i} of {Runs}: raw read");
            read.Add(await TimedAsync(() => ReadAsync(store, decode: false)));
            progress($"rules: back-test run {i} of {Runs}: raw read + decode");
            decoded.Add(await TimedAsync(() => ReadAsync(store, decode: true)));
            progress($"rules: back-test run {i} of {Runs}: Backtester.RunAsync");
            backtests.Add(await TimedAsync(async () =>
            {
                result = await Backtester.RunAsync(store, ruleSet, from, to);
                return result.IncidentEvents;
            }));
        }

        var report = Path.Combine(Path.GetTempPath(), $"ew-backtest-{Environment.ProcessId}.csv");
        var cli = new List<TimeSpan>();
        for (var i = 1; i <= Runs; i++)
        {
            progress($"rules: back-test run {i} of {Runs}: ew backtest");
            cli.Add(await CliBacktest.RunAsync(store.Settings.Path, report));
        }
        File.Delete(report);
        var cliMedian = cli.Order().ElementAt(cli.Count / 2);

        var backtest = Median(backtests);
        var target = new Target(
            _count == 1_000_000 ? RulesTargets.Backtest.Text : $"≤ {Seconds(TargetSeconds)} ({Format.Count(_count)} incidents; 5 s per 1,000,000)",
            TargetSeconds * 1000, HigherIsBetter: false);
        var rawRecorded = Median(recordedReads);
        var rawRead = Median(read);
        var rawDecoded = Median(decoded);
        var engine = engineAlone is { } e ? $"; engine alone on the same incidents (figure 1's mean): {Seconds(e.TotalSeconds)}" : "";
        var row = new ReportRow(
            $"2. Back-test over {Format.Count(_count)} stored incidents, SQLite, end to end (median of {Runs})",
            $"{Seconds(backtest.Elapsed.TotalSeconds)} = {Format.Rate(_count / backtest.Elapsed.TotalSeconds)} (runs {string.Join(", ", backtests.Select(b => Seconds(b.Elapsed.TotalSeconds)))}; {Format.Count(result?.IncidentEvents ?? 0)} incidents evaluated, {Format.Count(result?.Warnings.Count ?? 0)} warnings)",
            target.Text,
            target.Verdict(backtest.Elapsed.TotalMilliseconds),
            $"(a) read only: {Seconds(rawRead.Elapsed.TotalSeconds)} ({Format.Rate(_count / rawRead.Elapsed.TotalSeconds)}); (b) read + decode the summaries: {Seconds(rawDecoded.Elapsed.TotalSeconds)} ({Format.Rate(_count / rawDecoded.Elapsed.TotalSeconds)}){engine}",
            backtest.Machine?.ToString() ?? "n/a");

        var details = new RulesDetails(
            "Where the back-test's time goes (medians; each step's share is its difference from the one before):",
            ["Step", "Time", "of which GC pauses", "Rate", "Difference", "Meanwhile"],
            [
                [$"(a′) `ReadAllAsync`, incident streams, pages of {PageSize:N0}, nothing done: each event a `RecordedEvent`, as the back-test read before the scan", Seconds(rawRecorded.Elapsed.TotalSeconds), Seconds(rawRecorded.GcPauses.TotalSeconds), Format.Rate(_count / rawRecorded.Elapsed.TotalSeconds), "for comparison", rawRecorded.Machine?.ToString() ?? "n/a"],
                [$"(a) `ScanAllAsync`, incident streams, pages of {PageSize:N0}, nothing done", Seconds(rawRead.Elapsed.TotalSeconds), Seconds(rawRead.GcPauses.TotalSeconds), Format.Rate(_count / rawRead.Elapsed.TotalSeconds), "store", rawRead.Machine?.ToString() ?? "n/a"],
                ["(b) (a) + decode each event's summary (`IncidentEventDecoder`)", Seconds(rawDecoded.Elapsed.TotalSeconds), Seconds(rawDecoded.GcPauses.TotalSeconds), Format.Rate(_count / rawDecoded.Elapsed.TotalSeconds), $"JSON {Seconds((rawDecoded.Elapsed - rawRead.Elapsed).TotalSeconds)}", rawDecoded.Machine?.ToString() ?? "n/a"],
                ["(c) `Backtester.RunAsync`: (b) on one task, the engine beside it", Seconds(backtest.Elapsed.TotalSeconds), Seconds(backtest.GcPauses.TotalSeconds), Format.Rate(_count / backtest.Elapsed.TotalSeconds), $"engine and the rest, beyond (b) {Seconds((backtest.Elapsed - rawDecoded.Elapsed).TotalSeconds)}", backtest.Machine?.ToString() ?? "n/a"],
                [$"(d) `ew backtest --format csv` over the same store, a process per run (start-up, rules, the run, writing the CSV; the CLI's server collector); runs {string.Join(", ", cli.Select(c => Seconds(c.TotalSeconds)))}", Seconds(cliMedian.TotalSeconds), "n/a", Format.Rate(_count / cliMedian.TotalSeconds), $"beyond (c) {Seconds((cliMedian - backtest.Elapsed).TotalSeconds)}", "n/a"],
            ]);
        var facts = new List<string>
        {
            $"Store: {setup}",
            $"History: the realistic history of figure 1, {described}; back-test from {from:u} to {to:u}",
            $"Order per run: (a′), (a), (b), then the back-test; {Runs} runs, the median reported; then (d) {Runs} times. The page cache holds the file (it was just written or read), as it would on a server that runs back-tests often",
        };
        return new RulesSection("Back-test over the store", facts, [row], [details]);
    }

    private double TargetSeconds => 5.0 * _count / 1_000_000;

    private static string Seconds(double seconds) => seconds.ToString(seconds < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + " s";

    /// <summary>Every incident event, page by page as the back-tester scans them; decoding the summaries when asked.</summary>
    private static async Task<long> ReadAsync(IEventReader store, bool decode)
    {
        var filter = EventFilter.ForStreams(IncidentStreams.IncidentPrefix);
        var position = GlobalPosition.Start;
        long events = 0;
        while (true)
        {
            // A decoder per page, as the back-tester makes one: the summaries of a page live until the next.
            var (counter, decoder) = (new Counter(), decode ? new PageDecoder(PageSize) : null);
            position = await store.ScanAllAsync(position, PageSize, filter, (IEventVisitor?)decoder ?? counter);
            var read = decoder?.Read ?? counter.Read;
            events += read;
            if (read < PageSize)
                break;
        }
        return events;
    }

    /// <summary>Every incident event, page by page, as <see cref="RecordedEvent"/>s.</summary>
    private static async Task<long> ReadRecordedAsync(IEventReader store)
    {
        var filter = EventFilter.ForStreams(IncidentStreams.IncidentPrefix);
        var position = GlobalPosition.Start;
        long events = 0;
        while (true)
        {
            var read = 0;
            await foreach (var recorded in store.ReadAllAsync(position, PageSize, filter))
            {
                read++;
                position = recorded.Position;
            }
            events += read;
            if (read < PageSize)
                break;
        }
        return events;
    }

    private static async Task<Measured> TimedAsync(Func<Task<long>> action)
    {
        GC.Collect();
        var paused = GC.GetTotalPauseDuration();
        var meter = MachineMeter.Start();
        var clock = Stopwatch.StartNew();
        var count = await action();
        return new Measured(clock.Elapsed, count, meter.Stop(), GC.GetTotalPauseDuration() - paused);
    }

    private static Measured Median(List<Measured> runs) => runs.OrderBy(r => r.Elapsed).ElementAt(runs.Count / 2);

    private sealed record Measured(TimeSpan Elapsed, long Events, MachineUse? Machine, TimeSpan GcPauses);

    private sealed class Counter : IEventVisitor
    {
        public int Read { get; private set; }

        public void Visit(in EventView recorded) => Read++;
    }
}
