using EarlyWarning.Testing;

namespace EarlyWarning.Sources.Scenario.Tests;

/// <summary>The built player, run as a user runs it: <c>dotnet EarlyWarning.Sources.Scenario.dll [options]</c>.</summary>
internal static class ScenarioProcess
{
    public static async Task<(int ExitCode, IReadOnlyList<string> Errors, IReadOnlyList<string> Output)> RunAsync(
        IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        using var process = ChildProcess.Start(BuiltProgram.Locate("src", "EarlyWarning.Sources.Scenario"), arguments, environment: environment);
        var code = await process.WaitForExitAsync(timeout ?? TimeSpan.FromSeconds(60));
        return (code, process.Errors, process.Output);
    }
}
