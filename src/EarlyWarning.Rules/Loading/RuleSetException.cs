namespace EarlyWarning.Rules.Loading;

/// <summary>A rule set failed validation; nothing of it was loaded. <see cref="Exception.Message"/> lists every error, one per line.</summary>
public sealed class RuleSetException(IReadOnlyList<RuleError> errors)
    : Exception(string.Join(Environment.NewLine, errors.Select(e => e.ToString())))
{
    public IReadOnlyList<RuleError> Errors { get; } = errors;
}
