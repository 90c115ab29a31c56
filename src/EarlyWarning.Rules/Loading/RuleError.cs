using EarlyWarning.Rules.Model;

namespace EarlyWarning.Rules.Loading;

/// <summary>One thing wrong in a rule file, where it is.</summary>
public sealed record RuleError(SourceLocation Location, string Message)
{
    public override string ToString() => $"{Location}: {Message}";
}
