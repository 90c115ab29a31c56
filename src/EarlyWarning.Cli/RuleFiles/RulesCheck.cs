using EarlyWarning.Rules.Model;

namespace EarlyWarning.Cli.RuleFiles;

/// <summary><c>ew rules check</c>: loads the rules as the rules service would before activating them.</summary>
internal static class RulesCheck
{
    /// <exception cref="RuleFilesException">Every error of the rules.</exception>
    public static void Run(string path, TextWriter output)
    {
        var ruleSet = RuleFileSource.Load(path, Gazetteer.Gazetteer.Default);
        output.WriteLine($"{path}: valid: {Count(ruleSet.Rules.Count, "rule")}, {Count(ruleSet.Sites.Count, "site")} in {Count(ruleSet.Files.Count, "file")}; hash {ruleSet.Hash[..12]}.");
    }

    private static string Count(int n, string what) => n == 1 ? $"1 {what}" : $"{n} {what}s";
}
