using EarlyWarning.Testing;

namespace EarlyWarning.Cli.Tests;

/// <summary>Runs the built <c>ew</c> as a real child process, from the repository root, so <c>rules/</c> is the shipped rules.</summary>
internal static class Ew
{
    private static readonly Lazy<string> Dll = new(() => BuiltProgram.Locate("src", "EarlyWarning.Cli", assemblyName: "ew"));

    public static Task<EwRun> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string>(), args);

    /// <summary>Runs <c>ew</c> with <paramref name="environment"/> over the test process's environment.</summary>
    public static async Task<EwRun> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = ChildProcess.Start(Dll.Value, args, Repository.Root, environment);
        var exitCode = await process.WaitForExitAsync(TimeSpan.FromMinutes(2));
        return new EwRun(exitCode, process.Output, process.Errors);
    }
}
