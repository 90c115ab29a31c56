using System.Diagnostics;
using EarlyWarning.Testing;

namespace EarlyWarning.Benchmarks.Rules;

/// <summary>
/// <c>ew backtest</c> as an operator runs it: the CLI as built beside the harness, a process per run, the shipped
/// rules, CSV to a file. It counts what the in-process figure leaves out (start-up, loading the rules, a first run's
/// JIT, writing the report) and runs under the CLI's own garbage collector (decision 0015).
/// </summary>
internal static class CliBacktest
{
    /// <summary>One back-test of the store at <paramref name="storePath"/> with the shipped rules; its wall-clock time.</summary>
    public static async Task<TimeSpan> RunAsync(string storePath, string output)
    {
        var ew = BuiltProgram.Locate("src", "EarlyWarning.Cli", "ew");
        var clock = Stopwatch.StartNew();
        using var process = ChildProcess.Start(ew, ["backtest", "--rules", RulesPaths.RulesDirectory, "--store", "sqlite:" + storePath, "--format", "csv", "--output", output]);
        var exitCode = await process.WaitForExitAsync(TimeSpan.FromMinutes(10));
        var elapsed = clock.Elapsed;
        if (exitCode != 0)
            throw new InvalidOperationException($"ew backtest exited with {exitCode}: {string.Join('\n', process.Errors)}");
        return elapsed;
    }
}
