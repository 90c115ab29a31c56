namespace EarlyWarning.Cli.RuleFiles;

/// <summary>The rules given have errors.</summary>
/// <param name="errors">Every error, one a line: file:line:column: message.</param>
/// <param name="hint">What the user probably meant, when it can be told.</param>
internal sealed class RuleFilesException(IReadOnlyList<string> errors, string? hint) : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;

    public string? Hint { get; } = hint;
}
