using EarlyWarning.Contracts.Rules;
using EarlyWarning.Gazetteer;
using EarlyWarning.Rules.Model;

namespace EarlyWarning.Rules.Loading;

/// <summary>Reads and validates rule files; all or nothing (docs/rules.md).</summary>
public static class RuleSetLoader
{
    /// <summary>Loads every <c>*.yaml</c> file of <paramref name="directory"/>, in ordinal name order.</summary>
    /// <exception cref="RuleSetException">Any file has any error, or the directory has no rule file.</exception>
    public static RuleSet LoadDirectory(string directory, Gazetteer.Gazetteer gazetteer) => throw new NotImplementedException();

    /// <summary>Loads files already read, e.g. from a <see cref="RuleSetActivated"/> event.</summary>
    /// <exception cref="RuleSetException">Any file has any error.</exception>
    public static RuleSet Load(IReadOnlyList<RuleFileContent> files, Gazetteer.Gazetteer gazetteer) => throw new NotImplementedException();

    /// <summary>SHA-256 (lower-case hex) over each file's UTF-8 name, a NUL, its content, a NUL, in ordinal name order.</summary>
    public static string Hash(IReadOnlyList<RuleFileContent> files) => throw new NotImplementedException();
}
