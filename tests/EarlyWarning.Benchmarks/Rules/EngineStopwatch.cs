using EarlyWarning.Rules.Backtesting;
using EarlyWarning.Rules.Model;

namespace EarlyWarning.Benchmarks.Rules;

/// <summary>
/// The engine over a history by stopwatch, a line a pass, with nothing else in the process: for comparing two builds
/// run at the same time, one on each core (<c>taskset -c 0</c> and <c>-c 1</c>), so both see the same machine. On
/// this machine two runs one after the other differ by more than the changes worth measuring (docs/benchmarks.md,
/// run AC); BenchmarkDotNet's figure 1 stays the figure of record. Then the same for the back-test's evaluation,
/// what its engine thread does (<see cref="EvaluationRun"/>: the engine deciding, warnings tracked, archived once
/// final and reported), which took half as long again as the engine alone (docs/benchmarks.md, runs AD to AF).
/// </summary>
public static class EngineStopwatch
{
    private const int Passes = 4;

    public static void Run(RuleSet ruleSet, IncidentHistory history, Action<string> progress)
    {
        var run = new EngineRun(ruleSet, history.Arrivals);
        progress("rules: stopwatch, a warm-up pass");
        run.Run();
        Console.WriteLine($"Engine by stopwatch, {Format.Count(history.Count)} incidents of the realistic history, {ruleSet.Rules.Count} rules:");
        Console.WriteLine();
        for (var pass = 1; pass <= Passes; pass++)
        {
            var (elapsed, allocated, _, _) = EngineFigure.Timed(() => run.Run());
            var bytes = allocated / (double)history.Count;
            Console.WriteLine(FormattableString.Invariant($"- pass {pass}: {elapsed.TotalNanoseconds / history.Count:#,0} ns an incident ({Format.Rate(history.Count / elapsed.TotalSeconds)}; {Format.Count(run.LastOutput!.Events)} warning events; {bytes:#,0} B an incident)"));
        }
        Console.WriteLine();

        progress("rules: stopwatch, the back-test's evaluation, a warm-up pass");
        Evaluate(ruleSet, history);
        Console.WriteLine($"The back-test's evaluation by stopwatch (`EvaluationRun`), the same incidents:");
        Console.WriteLine();
        for (var pass = 1; pass <= Passes; pass++)
        {
            var warnings = 0;
            var (elapsed, allocated, _, _) = EngineFigure.Timed(() => warnings = Evaluate(ruleSet, history));
            var bytes = allocated / (double)history.Count;
            Console.WriteLine(FormattableString.Invariant($"- evaluation pass {pass}: {elapsed.TotalNanoseconds / history.Count:#,0} ns an incident ({Format.Rate(history.Count / elapsed.TotalSeconds)}; {Format.Count(warnings)} warnings; {bytes:#,0} B an incident)"));
        }
        Console.WriteLine();
    }

    /// <summary>A back-test's evaluation of the whole history, as recorded, to its report; the warnings it reports.</summary>
    private static int Evaluate(RuleSet ruleSet, IncidentHistory history)
    {
        var run = new EvaluationRun(ruleSet, DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        foreach (var arrival in history.Arrivals)
            run.Apply(arrival.Incident, arrival.RecordedAt);
        return run.Warnings().Count;
    }
}
