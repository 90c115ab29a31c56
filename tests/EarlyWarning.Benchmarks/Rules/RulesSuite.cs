using EarlyWarning.Rules.Loading;

namespace EarlyWarning.Benchmarks.Rules;

/// <summary>
/// The rules suite (<c>--suite rules</c>, parts chosen with <c>--rules</c>): the engine alone under BenchmarkDotNet,
/// the back-test over a million stored incidents beside reading and decoding them, and live warnings in one process
/// beside the store's own append latency. Markdown goes to stdout as each figure finishes.
/// </summary>
public static class RulesSuite
{
    public static async Task RunAsync(BenchmarkOptions options, IReadOnlyList<string> args, Action<string> progress)
    {
        Console.WriteLine("# EarlyWarning rules benchmark");
        Console.WriteLine();
        foreach (var fact in MachineFacts.Describe(options.DataDirectory))
            Console.WriteLine($"- {fact}");
        Console.WriteLine($"- Arguments: {BenchmarkOptions.Describe(args)}; scale {options.Scale}");
        Console.WriteLine();

        var gazetteer = Gazetteer.Gazetteer.Default;
        var ruleSet = RuleSetLoader.LoadDirectory(RulesPaths.RulesDirectory, gazetteer);
        var shape = Workloads.Realistic(options.Count(1_000_000, minimum: 1_000));
        IncidentHistory? realistic = null;
        IncidentHistory Realistic() => realistic ??= Generate(progress, "realistic", shape, gazetteer);

        if (options.RunRulesStopwatch)
            EngineStopwatch.Run(ruleSet, Realistic(), progress);
        TimeSpan? engineAlone = null;
        if (options.RunRulesEngine)
        {
            var dense = Generate(progress, "dense", Workloads.Dense(options.Count(20_000, minimum: 1_000)), gazetteer);
            var (section, mean) = new EngineFigure(options, ruleSet, Realistic(), dense, progress).Run();
            engineAlone = mean;
            Console.WriteLine(section.ToMarkdown());
        }
        if (options.RunRulesBacktest)
        {
            var history = Realistic();
            // The figure lets the history go once the store holds it; nothing here may keep it.
            realistic = null;
            var section = await new BacktestFigure(options, ruleSet, history, shape, engineAlone, progress).RunAsync();
            Console.WriteLine(section.ToMarkdown());
        }
        realistic = null;
        if (options.RunRulesLive)
        {
            var section = await new LiveFigure(options, progress).RunAsync();
            Console.WriteLine(section.ToMarkdown());
        }
    }

    private static IncidentHistory Generate(Action<string> progress, string name, IncidentHistoryOptions options, Gazetteer.Gazetteer gazetteer)
    {
        progress($"rules: generating the {name} history ({Format.Count(options.Count)} incidents, {options.PerDay:0} a day)");
        return IncidentHistory.Generate(options, gazetteer);
    }
}
