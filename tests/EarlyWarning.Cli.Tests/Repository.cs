namespace EarlyWarning.Cli.Tests;

/// <summary>Paths in the repository this test build came from.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>The shipped rules, as the rules service loads them.</summary>
    public static string Rules => Path.Combine(Root, "rules");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "EarlyWarning.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException($"No EarlyWarning.sln above {AppContext.BaseDirectory}.");
    }
}
