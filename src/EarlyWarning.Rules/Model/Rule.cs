namespace EarlyWarning.Rules.Model;

/// <summary>One escalation rule.</summary>
/// <param name="Id">Unique in the set; part of every warning id it raises.</param>
/// <param name="Title">For people, e.g. "Coordinated attacks across districts".</param>
/// <param name="Description">Why the rule exists and its thresholds are what they are.</param>
/// <param name="Pattern">What must hold: the rule's kind and its parameters.</param>
/// <param name="Where">Which incidents the rule looks at.</param>
/// <param name="GroupBy">What one open warning is per. Proximity rules always group by site.</param>
/// <param name="QuietPeriod">An open warning resolves when the pattern has not held for this long, on event time.</param>
/// <param name="Alerting">CAP severity, urgency and certainty, and how severity rises as the pattern grows.</param>
/// <param name="Inhibits">Rules whose warnings this rule's open warnings suppress in the same province.</param>
/// <param name="Fingerprint">Hash of the rule's definition; a new rule set keeps a rule's state only when this is unchanged.</param>
/// <param name="Location">Where the rule is defined, for messages.</param>
public sealed record Rule(
    string Id,
    string Title,
    string? Description,
    RulePattern Pattern,
    IncidentFilter Where,
    GroupBy GroupBy,
    TimeSpan QuietPeriod,
    Alerting Alerting,
    IReadOnlyList<string> Inhibits,
    string Fingerprint,
    SourceLocation Location)
{
    public string Kind => Pattern.Kind;
}
