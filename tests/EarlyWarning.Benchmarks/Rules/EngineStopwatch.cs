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
        TimedPasses("pass", history.Count, () => run.Run().Events, "warning events");

        progress("rules: stopwatch, the back-test's evaluation, a warm-up pass");
        Evaluate(ruleSet, history);
        Console.WriteLine($"The back-test's evaluation by stopwatch (`EvaluationRun`), the same incidents:");
        Console.WriteLine();
        TimedPasses("evaluation pass", history.Count, () => Evaluate(ruleSet, history), "warnings");
    }

    /// <summary>Times <paramref name="pass"/> <see cref="Passes"/> times, a line each with the count of <paramref name="counted"/> it returned.</summary>
    private static void TimedPasses(string name, int incidents, Func<long> pass, string counted)
    {
        for (var n = 1; n <= Passes; n++)
        {
            long output = 0;
            var (elapsed, allocated, _, _) = EngineFigure.Timed(() => output = pass());
            var bytes = allocated / (double)incidents;
            Console.WriteLine(FormattableString.Invariant($"- {name} {n}: {elapsed.TotalNanoseconds / incidents:#,0} ns an incident ({Format.Rate(incidents / elapsed.TotalSeconds)}; {Format.Count(output)} {counted}; {bytes:#,0} B an incident)"));
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
