using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using EarlyWarning.Rules.Model;

namespace EarlyWarning.Benchmarks.Rules;

/// <summary>
/// Figure 1: the rule engine alone on one thread, under BenchmarkDotNet, over the realistic history; the brief's
/// denser history by stopwatch (BenchmarkDotNet's repetitions would take too long there); and, by stopwatch, each
/// rule alone over the first part of the realistic history, which is where the engine's time goes.
/// </summary>
public sealed class EngineFigure(BenchmarkOptions options, RuleSet ruleSet, IncidentHistory realistic, IncidentHistory dense, Action<string> progress)
{
    private const string HistoryName = "realistic";
    private const int WarmupCount = 1;
    private const int IterationCount = 3;

    /// <summary>The section, and the engine's mean time over the whole realistic history (for the back-test's table).</summary>
    public (RulesSection Section, TimeSpan? Mean) Run()
    {
        var run = new EngineRun(ruleSet, realistic.Arrivals);
        var slice = realistic.Arrivals.Take(options.Count(200_000, minimum: 1_000)).ToList();
        var breakdown = Breakdown(slice);

        progress($"rules: engine, the dense history ({Format.Count(dense.Count)} incidents) by stopwatch");
        var denseRun = new EngineRun(ruleSet, dense.Arrivals);
        var (denseElapsed, _, denseMachine, _) = Timed(() => denseRun.Run());

        progress($"rules: engine under BenchmarkDotNet (in-process, {WarmupCount} warm-up and {IterationCount} iterations of {Format.Count(realistic.Count)} incidents; the memory diagnoser adds one more)");
        EngineBenchmark.Runs = new Dictionary<string, EngineRun>(StringComparer.Ordinal) { [HistoryName] = run };
        var meter = MachineMeter.Start();
        var paused = GC.GetTotalPauseDuration();
        var summary = BenchmarkRunner.Run<EngineBenchmark>(Config());
        paused = GC.GetTotalPauseDuration() - paused;
        var machine = meter.Stop();
        EngineBenchmark.Runs = new Dictionary<string, EngineRun>();
        var report = summary.Reports.FirstOrDefault(r => Equals(r.BenchmarkCase.Parameters["History"], HistoryName));

        var rows = new List<ReportRow>
        {
            Row(run, report, machine),
            DenseRow(denseRun, denseElapsed, denseMachine),
        };
        var facts = new List<string>
        {
            $"Rule set: `{Path.GetRelativePath(Directory.GetCurrentDirectory(), RulesPaths.RulesDirectory)}` ({string.Join(", ", ruleSet.Files.Select(f => f.Name))}), {ruleSet.Rules.Count} rules, hash {ruleSet.Hash[..12]}, allowed lateness {ruleSet.AllowedLateness.TotalHours:0} h",
            $"One operation: a fresh `RuleEngine`, `Activate`, then `Apply` of every incident in arrival order, clearing the output list each time; incidents/s = incidents / mean time. BenchmarkDotNet {typeof(BenchmarkRunner).Assembly.GetName().Version?.ToString(3)}, in-process emit toolchain, monitoring strategy, {WarmupCount} warm-up + {IterationCount} iterations, memory diagnoser",
            string.Create(CultureInfo.InvariantCulture, $"GC pauses while BenchmarkDotNet ran: {paused.TotalSeconds:0.0} s over its {WarmupCount + IterationCount + 1} runs (the memory diagnoser's included), {paused.TotalSeconds / (WarmupCount + IterationCount + 1):0.0} s a run"),
            $"Realistic history: {realistic.Describe()}; {Events(run.LastOutput)}",
            $"Dense history (the issue's example rate): {dense.Describe()}; {Events(denseRun.LastOutput)}",
        };
        var details = new List<RulesDetails>
        {
            new(
                $"Where the engine's time goes: each rule alone over the first {Format.Count(slice.Count)} incidents of the realistic history (stopwatch, one pass each; \"no rules\" is the engine's own work per incident, \"all\" the whole set, whose excess over the sum of the rules is their interaction):",
                ["Rules", "Kind", "Time", "of which GC pauses", "ns per incident", "Incidents/s", "Warnings raised", "Allocated per incident"],
                breakdown),
        };
        var mean = report?.ResultStatistics is { } statistics ? TimeSpan.FromMilliseconds(statistics.Mean / 1e6) : (TimeSpan?)null;
        return (new RulesSection("Rule engine alone", facts, rows, details) { Appendix = "BenchmarkDotNet's own summary:\n\n" + BenchmarkSummary(summary) }, mean);
    }

    private static string Events(EngineOutput? output) => output is null ? "no run" :
        $"warning events {Format.Count(output.Events)} ({Format.Count(output.Raised)} raised, {Format.Count(output.Updated)} updated, {Format.Count(output.Resolved)} resolved; {Format.Count(output.TooLate)} incidents too late); raised per rule: "
        + string.Join(", ", output.RaisedByRule.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {Format.Count(p.Value)}"));

    private static ReportRow Row(EngineRun run, BenchmarkReport? report, MachineUse? machine)
    {
        var scenario = $"1. Engine alone, 1 thread, {run.RuleSet.Rules.Count} rules, realistic history of {Format.Count(run.Count)} incidents (BenchmarkDotNet)";
        if (report?.ResultStatistics is not { } statistics)
            return new ReportRow(scenario, "no result (see BenchmarkDotNet's log on stderr)", RulesTargets.EngineRate.Text, "no target", RulesTargets.Anchors, machine?.ToString() ?? "n/a");
        var seconds = statistics.Mean / 1e9;
        var rate = run.Count / seconds;
        var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? 0;
        var operations = Math.Max(1, report.GcStats.TotalOperations);
        var measured = string.Create(CultureInfo.InvariantCulture,
            $"{Format.Rate(rate)} (mean {seconds:0.00} s ± {statistics.StandardDeviation / 1e9:0.00} s per run; {allocated / (1024.0 * 1024):#,##0} MiB allocated per run, {allocated / (double)run.Count:0} B per incident; GCs per run: gen0 {report.GcStats.Gen0Collections / (double)operations:0.#}, gen1 {report.GcStats.Gen1Collections / (double)operations:0.#}, gen2 {report.GcStats.Gen2Collections / (double)operations:0.#}; {Format.Count(run.LastOutput?.Events ?? 0)} warning events)");
        return new ReportRow(scenario, measured, RulesTargets.EngineRate.Text, RulesTargets.EngineRate.Verdict(rate), RulesTargets.Anchors, machine?.ToString() ?? "n/a");
    }

    private static ReportRow DenseRow(EngineRun run, TimeSpan elapsed, MachineUse? machine)
    {
        var rate = run.Count / elapsed.TotalSeconds;
        return new ReportRow(
            $"1b. The same, dense history of {Format.Count(run.Count)} incidents (300 a day; stopwatch, one run)",
            string.Create(CultureInfo.InvariantCulture, $"{Format.Rate(rate)} ({elapsed.TotalSeconds:0.0} s; {Format.Count(run.LastOutput?.Events ?? 0)} warning events)"),
            RulesTargets.EngineRate.Text, RulesTargets.EngineRate.Verdict(rate), RulesTargets.Anchors, machine?.ToString() ?? "n/a");
    }

    private List<IReadOnlyList<string>> Breakdown(IReadOnlyList<Arrival> slice)
    {
        var rows = new List<IReadOnlyList<string>>();
        void Measure(string label, string kind, RuleSet set)
        {
            progress($"rules: engine, {label} over {Format.Count(slice.Count)} incidents");
            var run = new EngineRun(set, slice);
            var (elapsed, allocated, _, paused) = Timed(() => run.Run());
            rows.Add([label, kind, $"{elapsed.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture)} s", $"{paused.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture)} s",
                (elapsed.TotalNanoseconds / slice.Count).ToString("#,##0", CultureInfo.InvariantCulture), Format.Rate(slice.Count / elapsed.TotalSeconds),
                Format.Count(run.LastOutput!.Raised), $"{(allocated / (double)slice.Count).ToString("#,##0", CultureInfo.InvariantCulture)} B"]);
        }

        // The whole set first, so the JIT has compiled every path before the rules are timed alone.
        Measure("warm-up: all rules", "—", ruleSet);
        rows.Clear();
        Measure("no rules", "—", ruleSet with { Rules = [] });
        foreach (var rule in ruleSet.Rules)
            Measure(rule.Id, rule.Kind, ruleSet with { Rules = [rule] });
        Measure($"all {ruleSet.Rules.Count} rules", "—", ruleSet);
        return rows;
    }

    /// <summary>Runs <paramref name="action"/> once after a full collection: its time, the bytes this thread allocated, the machine's use meanwhile, the collections' pauses.</summary>
    internal static (TimeSpan Elapsed, long Allocated, MachineUse? Machine, TimeSpan GcPauses) Timed(Action action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var pausedBefore = GC.GetTotalPauseDuration();
        var meter = MachineMeter.Start();
        var clock = Stopwatch.StartNew();
        action();
        var elapsed = clock.Elapsed;
        return (elapsed, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore, meter.Stop(), GC.GetTotalPauseDuration() - pausedBefore);
    }

    private static string BenchmarkSummary(Summary summary)
    {
        var logger = new AccumulationLogger();
        MarkdownExporter.GitHub.ExportToLog(summary, logger);
        return logger.GetLog().Trim();
    }

    private IConfig Config()
    {
        // The in-process toolchain stops a benchmark after 5 minutes by default; one run here can take a minute.
        var job = Job.Default
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true))
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(WarmupCount)
            .WithIterationCount(IterationCount)
            .WithId("in-process");
        return ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddLogger(new StderrLogger())
            .AddColumnProvider(BenchmarkDotNet.Columns.DefaultColumnProviders.Instance)
            .WithArtifactsPath(Path.Combine(options.DataDirectory, "BenchmarkDotNet.Artifacts"))
            .WithOptions(ConfigOptions.DisableLogFile);
    }
}
