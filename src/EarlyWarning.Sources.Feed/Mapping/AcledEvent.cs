using EarlyWarning.Sources.Feed.Acled;

namespace EarlyWarning.Sources.Feed.Mapping;

/// <summary>A row with the codes the mapping decides on already parsed.</summary>
/// <param name="Row">The row as read.</param>
/// <param name="Inter1">The first actor's type.</param>
/// <param name="Inter2">The second actor's type; <see cref="AcledActorType.None"/> when there is none.</param>
/// <param name="Fatalities">ACLED's one fatality figure for the event, or null when the column is empty.</param>
internal sealed record AcledEvent(AcledRow Row, AcledActorType Inter1, AcledActorType Inter2, int? Fatalities)
{
    /// <summary>ACLED's <c>civilian_targeting</c> says the event targeted civilians.</summary>
    public bool CivilianTargeting => Row.CivilianTargeting.StartsWith("Civilian", StringComparison.OrdinalIgnoreCase);

    public bool ByStateForces => Inter1 == AcledActorType.StateForces;

    /// <summary>Either side is a foreign state's forces, or the notes say the fire or the attackers came across the border.</summary>
    public bool CrossBorder =>
        ActorNames.IsForeignStateForces(Row.Actor1) || ActorNames.IsForeignStateForces(Row.Actor2) || NotesSignals.SaysCrossBorder(Row.Notes);

    /// <summary>The infrastructure the notes name.</summary>
    public IReadOnlyList<string> Infrastructure { get; } = [.. NotesSignals.InfrastructureTargets(Row.Notes)];

    /// <summary>No person or force was the target (no second actor, no civilian targeting), but the notes name rail, energy, telecom or CPEC infrastructure.</summary>
    public bool HitInfrastructureOnly =>
        Inter2 == AcledActorType.None && !CivilianTargeting
        && Infrastructure.Any(t => t is not Contracts.Vocabulary.Targets.Highway);
}
