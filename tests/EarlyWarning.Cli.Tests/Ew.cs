using EarlyWarning.Testing;

namespace EarlyWarning.Cli.Tests;

/// <summary>Runs the built <c>ew</c> as a real child process, from the repository root, so <c>rules/</c> is the shipped rules.</summary>
internal static class Ew
{
    // BuiltProgram.Locate finds {project}.dll; ew's assembly is named ew, so it is found beside it here.
    private static readonly Lazy<string> Dll = new(() =>
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var path = Path.Combine(Repository.Root, "src", "EarlyWarning.Cli", "bin", output.Parent!.Name, output.Name, "ew.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"ew is not built at {path}; build the solution first.", path);
    });

    public static async Task<EwRun> RunAsync(params string[] args)
    {
        using var process = ChildProcess.Start(Dll.Value, args, Repository.Root);
        var exitCode = await process.WaitForExitAsync(TimeSpan.FromMinutes(2));
        return new EwRun(exitCode, process.Output, process.Errors);
    }
}
