using System.Text;
using EarlyWarning.Contracts.Rules;
using EarlyWarning.Rules.Loading;
using EarlyWarning.Rules.Model;

namespace EarlyWarning.Cli.RuleFiles;

/// <summary>
/// A rule set from what the user named: a directory is one rule set, every <c>*.yaml</c> in it, as the rules service
/// loads it; a file is a rule set on its own. Errors name the files as the user gave them.
/// </summary>
internal static class RuleFileSource
{
    /// <exception cref="ArgumentException">Nothing is at the path.</exception>
    /// <exception cref="RuleFilesException">The rules have errors; every one is listed.</exception>
    public static RuleSet Load(string path, Gazetteer.Gazetteer gazetteer)
    {
        if (Directory.Exists(path))
        {
            try
            {
                return RuleSetLoader.LoadDirectory(path, gazetteer);
            }
            catch (RuleSetException ex)
            {
                throw new RuleFilesException(ex.Errors.Select(e => Describe(e, name => name == path ? path : Path.Join(path, name))).ToList(), null);
            }
        }
        if (!File.Exists(path))
            throw new ArgumentException($"there is no rule file or directory at {path}");

        var name = Path.GetFileName(path);
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new RuleFilesException([$"{path}: cannot be read: {ex.Message}"], null);
        }
        try
        {
            return RuleSetLoader.Load([new RuleFileContent(name, text)], gazetteer);
        }
        catch (RuleSetException ex)
        {
            throw new RuleFilesException(ex.Errors.Select(e => Describe(e, _ => path)).ToList(), PartOfASet(path, ex.Errors));
        }
    }

    private static string Describe(RuleError error, Func<string, string> pathOf)
    {
        var file = pathOf(error.Location.File);
        return error.Location.Line > 0
            ? $"{file}:{error.Location.Line}:{error.Location.Column}: {error.Message}"
            : $"{file}: {error.Message}";
    }

    /// <summary>
    /// A file checked alone cannot see the sites and rules its directory's other files define (rules/default.yaml
    /// watches the sites of rules/sites.yaml), and the loader then reports them unknown. Said plainly, since the
    /// file itself is not wrong.
    /// </summary>
    private static string? PartOfASet(string path, IReadOnlyList<RuleError> errors)
    {
        if (!errors.Any(e => e.Message.Contains("site", StringComparison.Ordinal) || e.Message.Contains("no rule has the id", StringComparison.Ordinal)))
            return null;
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var others = Directory.GetFiles(directory, "*.yaml")
            .Where(f => !string.Equals(Path.GetFullPath(f), Path.GetFullPath(path), StringComparison.Ordinal))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (others.Count == 0)
            return null;
        var given = Path.GetDirectoryName(path) is { Length: > 0 } d ? d : ".";
        return $"{path} is one of several rule files in {given} ({string.Join(", ", others)} besides it) and was loaded alone, so the sites and rules " +
            $"they define are unknown to it: give the directory ({given}) instead: the rules service loads a directory as one set.";
    }
}
