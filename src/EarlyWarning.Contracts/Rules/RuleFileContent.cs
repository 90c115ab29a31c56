namespace EarlyWarning.Contracts.Rules;

/// <summary>One rule file as it was activated, whole, so a replay evaluates the rules that were in force.</summary>
/// <param name="Name">The file's name within the rules directory, e.g. <c>default.yaml</c>.</param>
/// <param name="Content">The file's text.</param>
public sealed record RuleFileContent(string Name, string Content);
