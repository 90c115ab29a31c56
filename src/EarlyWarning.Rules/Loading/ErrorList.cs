using EarlyWarning.Rules.Model;

namespace EarlyWarning.Rules.Loading;

/// <summary>Every error found while loading a rule set; loading goes on after an error so that all of them are listed at once.</summary>
internal sealed class ErrorList
{
    private readonly List<RuleError> _errors = [];

    public int Count => _errors.Count;

    public IReadOnlyList<RuleError> All => _errors;

    public void Add(SourceLocation location, string message) => _errors.Add(new RuleError(location, message));
}
