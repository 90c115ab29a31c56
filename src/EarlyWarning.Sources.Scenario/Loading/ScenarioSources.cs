namespace EarlyWarning.Sources.Scenario;

/// <summary>Where a scenario's content comes from: the file's <c>sources</c> header.</summary>
/// <param name="Document">The published text the scenario is drawn from.</param>
/// <param name="Totals">The published figures the scenario reproduces, and how.</param>
/// <param name="Generator">What made the generated part of the file, and how to make it again.</param>
public sealed record ScenarioSources(string? Document, IReadOnlyList<string>? Totals, string? Generator);
