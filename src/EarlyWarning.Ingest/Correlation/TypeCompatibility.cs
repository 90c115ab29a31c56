using EarlyWarning.Contracts.Vocabulary;

namespace EarlyWarning.Ingest.Correlation;

/// <summary>
/// Whether two reports' incident types can describe the same event. Sources name one complex attack
/// differently — an assault on a camp opened by a suicide bomber is "armed assault" to one and "suicide
/// attack" to another — so the militant attack types match each other. Kidnappings, cross-border fire,
/// security operations and claims are different kinds of event and match only themselves.
/// </summary>
internal static class TypeCompatibility
{
    private static readonly HashSet<string> Attack = new(StringComparer.Ordinal)
    {
        IncidentTypes.ArmedAssault, IncidentTypes.Bombing, IncidentTypes.SuicideAttack,
        IncidentTypes.InfrastructureAttack, IncidentTypes.TargetedKilling,
    };

    public static bool Compatible(string a, string b) => a == b || (Attack.Contains(a) && Attack.Contains(b));
}
