using System.Text.RegularExpressions;

namespace EarlyWarning.Sources.Feed.Mapping;

/// <summary>
/// ACLED's actor names: <c>Military Forces of Pakistan (2018-)</c>, <c>Civilians (China)</c>,
/// <c>TTP: Tehreek-i-Taliban Pakistan</c>, <c>Unidentified Armed Group (Pakistan)</c>. A trailing bracket holds
/// the actor's country or, for state actors, the period of the government.
/// </summary>
internal static partial class ActorNames
{
    private const string Home = "Pakistan";

    // Only brackets that are a country or a period are ACLED's suffix; any other bracket is part of the name.
    private static readonly HashSet<string> Countries = new(StringComparer.OrdinalIgnoreCase)
    {
        "Pakistan", "Afghanistan", "Iran", "India", "China", "International", "United States", "United Kingdom",
        "Saudi Arabia", "United Arab Emirates", "Tajikistan", "Uzbekistan", "Russia",
    };

    /// <summary>The name without ACLED's suffixes, and the country the suffix named, if any.</summary>
    public static (string Name, string? Country) Split(string actor)
    {
        var name = actor.Trim();
        string? country = null;
        while (Suffix().Match(name) is { Success: true } match)
        {
            var content = match.Groups["content"].Value.Trim();
            if (Period().IsMatch(content))
            {
                name = name[..match.Index].TrimEnd();
            }
            else if (Countries.Contains(content))
            {
                country ??= content;
                name = name[..match.Index].TrimEnd();
            }
            else
            {
                break;
            }
        }
        return (name, country);
    }

    /// <summary>
    /// The group to name as perpetrator: the short name ACLED puts before a colon (<c>TTP</c>, <c>BLA</c>), else
    /// the name without suffixes; null for an unidentified actor.
    /// </summary>
    public static string? Perpetrator(string actor1)
    {
        var (name, _) = Split(actor1);
        if (name.Length == 0 || name.StartsWith("Unidentified", StringComparison.OrdinalIgnoreCase))
            return null;
        return ShortForm().Match(name) is { Success: true } match ? match.Groups["short"].Value : name;
    }

    /// <summary>Whether the actor's suffix names a country other than Pakistan (<c>Civilians (China)</c>).</summary>
    public static bool IsForeign(string actor)
    {
        var (_, country) = Split(actor);
        return country is not null && !country.Equals(Home, StringComparison.OrdinalIgnoreCase) && !country.Equals("International", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A foreign state's forces: <c>Military Forces of Afghanistan (2021-)</c>, <c>Police Forces of Iran (1989-)</c>.</summary>
    public static bool IsForeignStateForces(string actor) =>
        ForeignForces().Match(Split(actor).Name) is { Success: true } match
        && !match.Groups["country"].Value.Trim().Equals(Home, StringComparison.OrdinalIgnoreCase);

    /// <summary>Police, Levies and the Counter-Terrorism Department, as ACLED names them.</summary>
    public static bool IsPolice(string actor) => PolicePattern().IsMatch(actor);

    /// <summary>A government or its officials.</summary>
    public static bool IsGovernment(string actor) => GovernmentPattern().IsMatch(actor);

    /// <summary>ACLED lists associated actors separated by semicolons.</summary>
    public static IEnumerable<string> List(string actors) =>
        actors.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [GeneratedRegex(@"\((?<content>[^()]*)\)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Suffix();

    [GeneratedRegex(@"^\d{4}\s*-\s*(\d{4})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Period();

    [GeneratedRegex(@"^(?<short>[A-Z][A-Za-z0-9&'-]{1,15}):\s+\S", RegexOptions.CultureInvariant)]
    private static partial Regex ShortForm();

    [GeneratedRegex(@"^(Military|Police|Border|Naval|Air) Forces of (?<country>[^()]+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ForeignForces();

    [GeneratedRegex(@"\bPolice\b|\bLevies\b|\bCounter[- ]Terrorism\b|\bCTD\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PolicePattern();

    [GeneratedRegex(@"^Government of\b|\bGovernment (officials?|employees?)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex GovernmentPattern();
}
