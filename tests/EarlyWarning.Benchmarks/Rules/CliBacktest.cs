using System.Diagnostics;

namespace EarlyWarning.Benchmarks.Rules;

/// <summary>
/// <c>ew backtest</c> as an operator runs it: the CLI built in Release, a process per run, the shipped rules, CSV to a
/// file. It counts what the in-process figure leaves out (start-up, loading the rules, a first run's JIT, writing the
/// report) and runs under the CLI's own garbage collector (decision 0015).
/// </summary>
internal static class CliBacktest
{
    /// <summary>Builds the CLI; the path of <c>ew.dll</c>.</summary>
    public static async Task<string> BuildAsync()
    {
        var root = Path.GetDirectoryName(RulesPaths.RulesDirectory)!;
        var project = Path.Combine(root, "src", "EarlyWarning.Cli");
        await RunAsync("build", project, "-c", "Release", "-nologo", "-v", "q");
        return Path.Combine(project, "bin", "Release", "net10.0", "ew.dll");
    }

    /// <summary>One back-test of the store at <paramref name="storePath"/> with the shipped rules; its wall-clock time.</summary>
    public static async Task<TimeSpan> RunAsync(string ew, string storePath, string output)
    {
        var clock = Stopwatch.StartNew();
        await RunAsync(ew, "backtest", "--rules", RulesPaths.RulesDirectory, "--store", "sqlite:" + storePath, "--format", "csv", "--output", output);
        return clock.Elapsed;
    }

    private static async Task RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
    }
}
