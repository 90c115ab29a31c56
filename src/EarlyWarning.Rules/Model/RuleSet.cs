using EarlyWarning.Contracts.Rules;

namespace EarlyWarning.Rules.Model;

/// <summary>A validated rule set: every rule of every file under <c>rules/</c>, the critical sites, and the settings.</summary>
/// <param name="Hash">SHA-256 (hex, lower case) over each file's name and content, in name order (see <c>RuleSetLoader.Hash</c>).</param>
/// <param name="Rules">The rules, in file then document order; ids are unique.</param>
/// <param name="AllowedLateness">How far behind the latest event time an incident may occur and still be evaluated.</param>
/// <param name="Sites">Critical sites that proximity rules measure against.</param>
/// <param name="Files">The files the set was loaded from, whole.</param>
public sealed record RuleSet(string Hash, IReadOnlyList<Rule> Rules, TimeSpan AllowedLateness, IReadOnlyList<CriticalSite> Sites, IReadOnlyList<RuleFileContent> Files)
{
    public static readonly TimeSpan DefaultAllowedLateness = TimeSpan.FromHours(24);
}
