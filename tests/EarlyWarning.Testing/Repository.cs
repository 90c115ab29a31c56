namespace EarlyWarning.Testing;

/// <summary>Paths in the checkout this test build came from.</summary>
public static class Repository
{
    /// <summary>The folder holding EarlyWarning.sln, found upwards from the test assembly.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The shipped rules, as the rules service loads them.</summary>
    public static string Rules => Path.Combine(Root, "rules");

    /// <summary>The shipped scenario file.</summary>
    public static string ShippedScenario => Path.Combine(Root, "src", "EarlyWarning.Sources.Scenario", "Scenarios", "balochistan-2026.json");

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
