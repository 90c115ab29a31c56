using EarlyWarning.Testing;

namespace EarlyWarning.Sources.Feed.Tests.Program;

/// <summary>The feed run as a user runs it: <c>dotnet EarlyWarning.Sources.Feed.dll …</c>, to its exit.</summary>
internal static class FeedProcess
{
    /// <summary>The sample shipped with the feed, copied beside the tests.</summary>
    public static string Sample => Path.Combine(AppContext.BaseDirectory, "Samples", "acled-sample.csv");

    public static async Task<(int ExitCode, IReadOnlyList<string> Output, IReadOnlyList<string> Errors)> RunAsync(
        IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var process = ChildProcess.Start(BuiltProgram.Locate("src", "EarlyWarning.Sources.Feed"), arguments, Path.GetTempPath(), environment);
        var code = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (code, process.Output, process.Errors);
    }

    /// <summary>A CSV file in the temp folder, deleted when disposed.</summary>
    public static TempFile WriteFile(string text) => new(text);

    internal sealed class TempFile : IDisposable
    {
        public TempFile(string text)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"feed-test-{Guid.NewGuid():N}.csv");
            File.WriteAllText(Path, text);
        }

        public string Path { get; }

        public void Dispose() => File.Delete(Path);
    }
}
