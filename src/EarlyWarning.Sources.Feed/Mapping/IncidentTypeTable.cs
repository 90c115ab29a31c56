using EarlyWarning.Sources.Feed.Acled;
using static EarlyWarning.Contracts.Vocabulary.IncidentTypes;

namespace EarlyWarning.Sources.Feed.Mapping;

/// <summary>
/// ACLED's event type and sub-event type, read with the actors and the notes, to an incident type.
/// docs/feed.md has the same table for people; keep the two in step.
/// </summary>
internal static class IncidentTypeTable
{
    private const string Battles = "battles";
    private const string Explosions = "explosions/remote violence";
    private const string ViolenceAgainstCivilians = "violence against civilians";
    private const string Protests = "protests";
    private const string Riots = "riots";
    private const string StrategicDevelopments = "strategic developments";

    public static Classification Classify(AcledEvent e)
    {
        var type = e.Row.EventType.ToLowerInvariant();
        var sub = e.Row.SubEventType.ToLowerInvariant();
        var named = $"{e.Row.EventType} / {e.Row.SubEventType}";
        return (type, sub) switch
        {
            (Battles, "armed clash") when e.CrossBorder => Classification.As(CrossBorderFire),
            (Battles, "armed clash") when e.ByStateForces => Classification.As(SecurityOperation),
            (Battles, "armed clash") => Classification.As(ArmedAssault),
            (Battles, "government regains territory") => Classification.As(SecurityOperation),
            (Battles, "non-state actor overtakes territory") => Classification.As(ArmedAssault),

            (Explosions, "suicide bomb") => Classification.As(SuicideAttack),
            (Explosions, "remote explosive/landmine/ied") when e.HitInfrastructureOnly => Classification.As(InfrastructureAttack),
            (Explosions, "remote explosive/landmine/ied") => Classification.As(Bombing),
            (Explosions, "grenade") => Classification.As(Bombing),
            (Explosions, "shelling/artillery/missile attack") when e.CrossBorder => Classification.As(CrossBorderFire),
            (Explosions, "shelling/artillery/missile attack") when e.ByStateForces => Classification.As(SecurityOperation),
            (Explosions, "shelling/artillery/missile attack") => Classification.As(ArmedAssault),
            (Explosions, "air/drone strike") when e.CrossBorder => Classification.As(CrossBorderFire),
            (Explosions, "air/drone strike") when e.ByStateForces => Classification.As(SecurityOperation),
            // Militants' quadcopters drop explosives: a bomb, not delivered by hand.
            (Explosions, "air/drone strike") => Classification.As(Bombing),

            (ViolenceAgainstCivilians, "attack" or "abduction/forced disappearance") when e.ByStateForces =>
                Classification.None($"{named} by state forces: the incident types have none for violence by the state against civilians"),
            (ViolenceAgainstCivilians, "attack") when NotesSignals.SaysTargetedKilling(e.Row.Notes) || e.Fatalities == 1 =>
                Classification.As(TargetedKilling),
            (ViolenceAgainstCivilians, "attack") => Classification.As(ArmedAssault),
            (ViolenceAgainstCivilians, "abduction/forced disappearance") => Classification.As(Kidnapping),

            (StrategicDevelopments, "looting/property destruction") when e.Inter1.IsArmedGroup() && e.HitInfrastructureOnly =>
                Classification.As(InfrastructureAttack),

            (Protests, _) => Classification.None($"{named} is a protest, not a security incident: the incident types have none for it"),
            (Riots, _) => Classification.None($"{named} is a riot, not a security incident: the incident types have none for it"),
            (StrategicDevelopments, _) => Classification.None($"{named} is a strategic development, not an incident the incident types can express"),
            (Battles or Explosions or ViolenceAgainstCivilians, "chemical weapon" or "sexual violence") =>
                Classification.None($"{named} has no incident type"),
            (Battles or Explosions or ViolenceAgainstCivilians, _) => Classification.None($"unknown ACLED sub-event type '{e.Row.SubEventType}' of {e.Row.EventType}"),
            _ => Classification.None($"unknown ACLED event type '{e.Row.EventType}'"),
        };
    }
}
