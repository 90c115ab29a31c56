using EarlyWarning.Contracts.Reports;
using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.Sources.Feed.Acled;

namespace EarlyWarning.Sources.Feed.Mapping;

internal sealed partial class AcledMapper
{
    /// <summary>Whom it was aimed at: from civilian_targeting, the second actor and its associates, and the infrastructure the notes name.</summary>
    private static IReadOnlyList<string> Targets(AcledEvent e, string incidentType)
    {
        var targets = new List<string>();
        void Add(string target)
        {
            if (!targets.Contains(target))
                targets.Add(target);
        }

        if (e.CivilianTargeting || e.Inter2.IsNonCombatant())
            Add(Contracts.Vocabulary.Targets.Civilians);
        if (e.Inter2.IsNonCombatant() && (ActorNames.IsForeign(e.Row.Actor2) || ActorNames.List(e.Row.AssocActor2).Any(ActorNames.IsForeign)))
            Add(Contracts.Vocabulary.Targets.ForeignNationals);
        if (e.Inter2 == AcledActorType.StateForces)
        {
            Add(ActorNames.IsPolice(e.Row.Actor2) ? Contracts.Vocabulary.Targets.Police
                : ActorNames.IsGovernment(e.Row.Actor2) ? Contracts.Vocabulary.Targets.Government
                : Contracts.Vocabulary.Targets.SecurityForces);
        }
        foreach (var associate in ActorNames.List(e.Row.AssocActor2))
        {
            if (ActorNames.IsPolice(associate))
                Add(Contracts.Vocabulary.Targets.Police);
            else if (ActorNames.IsGovernment(associate))
                Add(Contracts.Vocabulary.Targets.Government);
        }
        if (e.Inter2.IsArmedGroup() || incidentType == IncidentTypes.SecurityOperation)
            Add(Contracts.Vocabulary.Targets.Militants);
        foreach (var infrastructure in e.Infrastructure)
            Add(infrastructure);
        return targets;
    }

    /// <summary>
    /// ACLED gives one fatality figure per event. It goes on the side the actors show: civilians when civilians
    /// were targeted, security forces when militants hit state forces, militants when state forces (or other
    /// militants) fought them. Zero is zero on every side. Where no side can be told, no figure is given and
    /// <c>SideUnknown</c> is set, so the text keeps it.
    /// </summary>
    private static (Casualties? Casualties, bool SideUnknown) Casualties(AcledEvent e)
    {
        if (e.Fatalities is not { } killed)
            return (null, false);
        if (killed == 0)
            return (new Casualties(new SideCasualties(0), new SideCasualties(0), new SideCasualties(0)), false);

        var side = new SideCasualties(killed);
        if (e.CivilianTargeting || e.Inter2.IsNonCombatant())
            return (new Casualties(Civilians: side), false);
        if (e.Inter2 == AcledActorType.StateForces && !e.ByStateForces)
            return (new Casualties(SecurityForces: side), false);
        if (e.Inter2.IsArmedGroup() && (e.ByStateForces || e.Inter1.IsArmedGroup()))
            return (new Casualties(Militants: side), false);
        return (null, true);
    }
}
