namespace EarlyWarning.Benchmarks.Rules;

/// <summary>Where the shipped rule files are: <c>rules/</c> at the root of the checkout the harness runs from.</summary>
public static class RulesPaths
{
    public static string RulesDirectory { get; } = Path.Combine(RepositoryRoot(), "rules");

    private static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "EarlyWarning.sln")))
                    return dir.FullName;
            }
        }
        throw new IOException($"EarlyWarning.sln not found above {Directory.GetCurrentDirectory()} or {AppContext.BaseDirectory}: run the harness from the checkout.");
    }
}
