namespace EarlyWarning.Rules.Model;

/// <summary>The CAP 1.2 values of a rule's warnings; severity starts at <paramref name="Severity"/> and rises by <paramref name="Steps"/>.</summary>
/// <param name="Severity">CAP severity when the pattern first holds.</param>
/// <param name="Urgency">CAP urgency.</param>
/// <param name="Certainty">CAP certainty.</param>
/// <param name="Steps">Each step whose measure reaches its value raises severity to its severity; the highest applies.</param>
public sealed record Alerting(string Severity, string Urgency, string Certainty, IReadOnlyList<SeverityStep> Steps);
