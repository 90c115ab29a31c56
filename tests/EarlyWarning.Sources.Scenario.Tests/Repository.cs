namespace EarlyWarning.Sources.Scenario.Tests;

/// <summary>Paths in the repository this test build came from.</summary>
internal static class Repository
{
    /// <summary>The repository root: the test assembly runs from tests/{project}/bin/{configuration}/{framework}.</summary>
    public static string Root { get; } =
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Parent!.Parent!.Parent!.Parent!.FullName;

    public static string ShippedScenario { get; } =
        Path.Combine(Root, "src", "EarlyWarning.Sources.Scenario", "Scenarios", "balochistan-2026.json");
}
