namespace EarlyWarning.Cli.Tests.RuleFiles;

/// <summary><c>ew rules check</c>: every error as file:line:column: message, or one line saying the rules are valid.</summary>
public sealed class RulesCheckTests
{
    [Fact]
    public async Task the_shipped_rules_are_valid_in_one_line()
    {
        var run = await Ew.RunAsync("rules", "check", "rules/");

        Assert.True(run.ExitCode == 0, run.ToString());
        var line = Assert.Single(run.Output);
        Assert.Matches(@"^rules/: valid: \d+ rules, \d+ sites in 2 files; hash [0-9a-f]{12}\.$", line);
        Assert.Empty(run.Errors);
    }

    [Fact]
    public async Task every_error_of_every_file_is_listed_with_its_place()
    {
        using var folder = new TempFolder();
        var window = folder.Write("a.yaml", BadRuleFiles.BadWindow);
        var misspelt = folder.Write("b.yaml", BadRuleFiles.MisspeltKey);

        var run = await Ew.RunAsync("rules", "check", folder.Path);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Empty(run.Output);
        Assert.Contains(run.Errors, l => l.StartsWith($"{window}:8:13: ", StringComparison.Ordinal) && l.Contains("window", StringComparison.Ordinal));
        Assert.Contains(run.Errors, l => l.StartsWith($"{misspelt}:9:5: ", StringComparison.Ordinal) && l.Contains("minIncident", StringComparison.Ordinal));
        Assert.Matches(@"^ew: \d+ errors in the rules; they are not valid$", run.Errors[^1]);
    }

    [Fact]
    public async Task one_file_of_a_set_checked_alone_is_told_to_give_the_directory()
    {
        var run = await Ew.RunAsync("rules", "check", "rules/default.yaml");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(run.Errors, l => l.StartsWith("rules/default.yaml:", StringComparison.Ordinal) && l.Contains("site", StringComparison.Ordinal));
        Assert.Contains(run.Errors, l => l.Contains("sites.yaml", StringComparison.Ordinal) && l.Contains("give the directory", StringComparison.Ordinal));
    }

    [Fact]
    public async Task a_file_on_its_own_is_a_rule_set()
    {
        using var folder = new TempFolder();
        var path = folder.Write("one.yaml", BadRuleFiles.BadWindow.Replace("6 hours", "6h", StringComparison.Ordinal));

        var run = await Ew.RunAsync("rules", "check", path);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith($"{path}: valid: 1 rule, 0 sites in 1 file", Assert.Single(run.Output), StringComparison.Ordinal);
    }
}
