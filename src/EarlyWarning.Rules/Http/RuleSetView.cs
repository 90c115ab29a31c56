namespace EarlyWarning.Rules.Http;

/// <summary>The rule set in force, as <c>GET /api/rules</c> answers.</summary>
/// <param name="Version">1 for the first activation, one more for each later one.</param>
/// <param name="Hash">SHA-256 (hex) of its files.</param>
/// <param name="ActivatedAt">When it was activated.</param>
/// <param name="ActivatedBy">The process that activated it.</param>
/// <param name="Rules">Its rules, in file order.</param>
/// <param name="Status">What the rules service is doing.</param>
internal sealed record RuleSetView(int Version, string Hash, DateTimeOffset ActivatedAt, string ActivatedBy, IReadOnlyList<RuleView> Rules, RulesStatusView Status);
