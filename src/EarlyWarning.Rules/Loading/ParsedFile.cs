namespace EarlyWarning.Rules.Loading;

/// <summary>What one rule file holds, read and checked on its own.</summary>
internal sealed record ParsedFile(string Name, ParsedSettings? Settings, IReadOnlyList<ParsedSite> Sites, IReadOnlyList<ParsedRule> Rules);
