namespace EarlyWarning.Sources.Feed.Acled;

internal static class AcledActorTypes
{
    private static readonly Dictionary<string, AcledActorType> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["State forces"] = AcledActorType.StateForces,
        ["Rebel group"] = AcledActorType.RebelGroup,
        ["Political militia"] = AcledActorType.PoliticalMilitia,
        ["Identity militia"] = AcledActorType.IdentityMilitia,
        ["Rioters"] = AcledActorType.Rioters,
        ["Protesters"] = AcledActorType.Protesters,
        ["Civilians"] = AcledActorType.Civilians,
        ["External/Other forces"] = AcledActorType.ExternalForces,
        ["External/other forces"] = AcledActorType.ExternalForces,
    };

    public static bool TryParse(string text, out AcledActorType type)
    {
        if (text.Length == 0)
        {
            type = AcledActorType.None;
            return true;
        }
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code) && code is >= 1 and <= 8)
        {
            type = (AcledActorType)code;
            return true;
        }
        return Names.TryGetValue(text, out type);
    }

    /// <summary>Militant groups of every kind: rebels, political and identity militias.</summary>
    public static bool IsArmedGroup(this AcledActorType type) =>
        type is AcledActorType.RebelGroup or AcledActorType.PoliticalMilitia or AcledActorType.IdentityMilitia;

    /// <summary>People who are not combatants: civilians, and protesters or rioters when they are the ones attacked.</summary>
    public static bool IsNonCombatant(this AcledActorType type) =>
        type is AcledActorType.Civilians or AcledActorType.Protesters or AcledActorType.Rioters;
}
