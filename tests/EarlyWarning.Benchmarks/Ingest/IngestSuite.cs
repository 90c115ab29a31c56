namespace EarlyWarning.Benchmarks.Ingest;

/// <summary>
/// The ingest suite (<c>--suite ingest</c>): for each mode, reports from the bus into the store beside the raw
/// bus and the bare store of the same run. Markdown goes to stdout, as each mode finishes.
/// </summary>
public static class IngestSuite
{
    public static async Task RunAsync(BenchmarkOptions options, IReadOnlyList<string> args, Action<string> progress)
    {
        Console.WriteLine("# EarlyWarning ingest benchmark");
        Console.WriteLine();
        foreach (var fact in MachineFacts.Describe(options.DataDirectory))
            Console.WriteLine($"- {fact}");
        Console.WriteLine($"- Arguments: {BenchmarkOptions.Describe(args)}; scale {options.Scale}");
        Console.WriteLine();

        var modes = new List<IngestMode>();
        if (options.RunDistributed)
            modes.Add(IngestMode.Distributed);
        if (options.RunEmbedded)
            modes.Add(IngestMode.Embedded);
        foreach (var mode in modes)
        {
            progress($"{mode.Name}: starting");
            var report = await new IngestBenchmark(mode, options, progress).RunAsync();
            Console.WriteLine(report.ToMarkdown());
        }
    }
}
