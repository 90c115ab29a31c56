namespace EarlyWarning.Contracts.Vocabulary;

/// <summary>What happened: the incident types a report may carry (DESIGN §4), as they travel on the wire.</summary>
public static class IncidentTypes
{
    /// <summary>Gunmen attack a post, convoy, camp, town or highway.</summary>
    public const string ArmedAssault = "armed-assault";

    /// <summary>A bomb or improvised explosive device, not suicide-delivered.</summary>
    public const string Bombing = "bombing";

    /// <summary>A suicide bombing or suicide assault.</summary>
    public const string SuicideAttack = "suicide-attack";

    /// <summary>The killing of a chosen person.</summary>
    public const string TargetedKilling = "targeted-killing";

    /// <summary>An abduction.</summary>
    public const string Kidnapping = "kidnapping";

    /// <summary>An attack on infrastructure: highways, rail, power, telecoms, CPEC sites.</summary>
    public const string InfrastructureAttack = "infrastructure-attack";

    /// <summary>Fire or infiltration across the border.</summary>
    public const string CrossBorderFire = "cross-border-fire";

    /// <summary>An operation by the security forces (raid, clearance, intelligence-based operation).</summary>
    public const string SecurityOperation = "security-operation";

    /// <summary>A group claims responsibility for an attack.</summary>
    public const string ClaimOfResponsibility = "claim-of-responsibility";

    /// <summary>Every incident type.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        ArmedAssault, Bombing, SuicideAttack, TargetedKilling, Kidnapping, InfrastructureAttack,
        CrossBorderFire, SecurityOperation, ClaimOfResponsibility,
    };

    /// <summary>The types that are attacks by militants, which escalation rules count.</summary>
    public static IReadOnlySet<string> Attacks { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        ArmedAssault, Bombing, SuicideAttack, TargetedKilling, Kidnapping, InfrastructureAttack, CrossBorderFire,
    };
}
