using EarlyWarning.EventStore;

namespace EarlyWarning.Contracts.Rules;

/// <summary>A validated rule set was put in force; from this event on, the rules service evaluates it.</summary>
/// <param name="Version">1 for the first activation, one more for each later one.</param>
/// <param name="Hash">SHA-256 (hex) over the files' names and contents, in name order.</param>
/// <param name="RuleIds">The ids of its rules, in file order.</param>
/// <param name="Files">The files, whole.</param>
/// <param name="ActivatedBy">The process that activated it, e.g. <c>rules-service@host</c>.</param>
/// <param name="ActivatedAt">When it was activated (wall clock).</param>
[EventType("V1.RuleSetActivated")]
public sealed record RuleSetActivated(int Version, string Hash, IReadOnlyList<string> RuleIds, IReadOnlyList<RuleFileContent> Files, string ActivatedBy, DateTimeOffset ActivatedAt);
