using EarlyWarning.Contracts.Rules;
using EarlyWarning.Rules.Loading;
using EarlyWarning.Rules.Model;

namespace EarlyWarning.Rules.Tests.Loading;

/// <summary>
/// Small rule files with a fixed layout, so a test can state where an error is: <see cref="Rule"/> puts the rule's
/// mapping at line 2, column 5, and the extra lines from line 8 on, their keys at column 5.
/// </summary>
internal static class RuleYaml
{
    public const string Site = """
        sites:
          - id: gwadar-port
            name: Gwadar port
            latitude: 25.1167
            longitude: 62.3333
            province: Balochistan

        """;

    public static string Rule(string kind, string extra = "", string id = "r", string severity = "Severe", string urgency = "Immediate", string certainty = "Observed")
    {
        var lines = new List<string>
        {
            "rules:",
            $"  - id: {id}",
            "    title: A rule",
            $"    kind: {kind}",
            $"    severity: {severity}",
            $"    urgency: {urgency}",
            $"    certainty: {certainty}",
        };
        lines.AddRange(extra.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => "    " + l.TrimEnd('\r')));
        return string.Join('\n', lines) + "\n";
    }

    /// <summary>A rule, then a site (after it, so the rule's lines stay where <see cref="Rule"/> puts them).</summary>
    public static string WithSite(string rule) => rule + Site;

    public static RuleSet Load(string content) => Load(("rules.yaml", content));

    public static RuleSet Load(params (string Name, string Content)[] files) =>
        RuleSetLoader.Load(files.Select(f => new RuleFileContent(f.Name, f.Content)).ToList(), Gazetteer.Gazetteer.Default);

    public static IReadOnlyList<RuleError> Errors(params (string Name, string Content)[] files)
    {
        var failure = Assert.Throws<RuleSetException>(() => Load(files));
        Assert.NotEmpty(failure.Errors);
        return failure.Errors;
    }

    public static string Describe(IEnumerable<RuleError> errors) => string.Join(Environment.NewLine, errors);
}
