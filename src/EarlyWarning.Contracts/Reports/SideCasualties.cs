namespace EarlyWarning.Contracts.Reports;

/// <summary>Casualties on one side; a null figure was not reported.</summary>
/// <param name="Killed">Number killed, never negative.</param>
/// <param name="Injured">Number injured, never negative.</param>
public sealed record SideCasualties(int? Killed = null, int? Injured = null);
