using System.Text.RegularExpressions;

namespace EarlyWarning.Rules.Loading;

/// <summary>Rule and site ids: part of warning ids and stream names, so kept to lower-case slugs.</summary>
internal static partial class RuleIds
{
    public static bool IsValid(string id) => Pattern().IsMatch(id);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
