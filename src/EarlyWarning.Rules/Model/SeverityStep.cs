namespace EarlyWarning.Rules.Model;

/// <summary>Severity rises to <paramref name="Severity"/> when <paramref name="Measure"/> reaches <paramref name="AtLeast"/> where the pattern holds.</summary>
public sealed record SeverityStep(Measure Measure, double AtLeast, string Severity);
