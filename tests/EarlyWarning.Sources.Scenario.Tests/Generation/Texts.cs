using System.Globalization;
using EarlyWarning.Contracts.Reports;
using EarlyWarning.Contracts.Vocabulary;

namespace EarlyWarning.Sources.Scenario.Tests.Generation;

/// <summary>The free text of a generated report: what happened, where, the figures, who is blamed.</summary>
internal static class Texts
{
    public static string Describe(string type, string[] targets, string where, Casualties? casualties, string? perpetrator, string claimStatus)
    {
        var what = type switch
        {
            IncidentTypes.ArmedAssault => $"Gunmen attacked {Target(targets)} in {where}.",
            IncidentTypes.Bombing => $"An improvised explosive device went off targeting {Target(targets)} in {where}.",
            IncidentTypes.SuicideAttack => $"A suicide bomber struck {Target(targets)} in {where}.",
            IncidentTypes.TargetedKilling => $"Gunmen on a motorcycle opened fire on {Victim(targets)} in {where}.",
            IncidentTypes.Kidnapping => $"Armed men abducted {Hostages(targets)} in {where}.",
            IncidentTypes.InfrastructureAttack => $"Militants blew up {Target(targets)} in {where}.",
            IncidentTypes.CrossBorderFire => $"Fire from across the border hit {Target(targets)} near {where}.",
            _ => $"{type} in {where}.",
        };
        var figures = Figures(casualties);
        var blame = perpetrator is null ? "No group has claimed it."
            : claimStatus == ClaimStatus.Claimed ? $"{Capitalised(Group(perpetrator))} claimed responsibility."
            : $"Officials blamed {Group(perpetrator)}.";
        return string.Join(' ', new[] { what, figures, blame }.Where(s => s.Length > 0));
    }

    public static string Figures(Casualties? casualties)
    {
        if (casualties is null)
            return "No casualty figures were given.";
        var parts = new List<string>();
        Side(parts, casualties.SecurityForces, "security personnel");
        Side(parts, casualties.Civilians, "civilians");
        Side(parts, casualties.Militants, "militants");
        return parts.Count == 0 ? "" : string.Join("; ", parts) + ".";
    }

    public static string Where(ReportedLocation location) =>
        string.Join(", ", new[] { location.Place, location.District }.Where(p => !string.IsNullOrEmpty(p)).Distinct(StringComparer.OrdinalIgnoreCase));

    /// <summary>A group's name as a sentence uses it: "the BLA", "Lashkar-e-Islam".</summary>
    public static string Group(string perpetrator) => perpetrator.StartsWith("Lashkar", StringComparison.Ordinal) ? perpetrator : "the " + perpetrator;

    public static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static void Side(List<string> parts, SideCasualties? side, string who)
    {
        if (side is null)
            return;
        var killed = side.Killed ?? 0;
        var injured = side.Injured ?? 0;
        if (killed == 0 && injured == 0)
        {
            parts.Add($"no {who} were hurt");
            return;
        }
        var text = killed > 0 ? $"{Count(killed)} {Who(who, killed)} killed" : $"{Count(injured)} {Who(who, injured)} injured";
        if (killed > 0 && injured > 0)
            text += $", {Count(injured)} injured";
        parts.Add(Capitalised(text));
    }

    // "security personnel" is both; "civilians" and "militants" lose their s for one.
    private static string Who(string who, int n) => n == 1 && who.EndsWith('s') ? who[..^1] : who;

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Target(string[] targets) => targets.FirstOrDefault() switch
    {
        Targets.Police => targets.Contains(Targets.Highway) ? "a police check post on the highway" : "a police station",
        Targets.SecurityForces => targets.Contains(Targets.Highway) ? "a security forces convoy on the highway" : "a security forces post",
        Targets.Civilians => "a crowded market",
        Targets.Government => "a government office",
        Targets.ForeignNationals => "a vehicle carrying foreign nationals",
        Targets.Highway => "a bridge on the highway",
        Targets.Rail => "the railway track",
        Targets.CpecSite => "a CPEC project site",
        Targets.Energy => "a gas pipeline",
        Targets.Telecom => "a mobile phone tower",
        _ => "a target",
    };

    private static string Victim(string[] targets) => targets.FirstOrDefault() switch
    {
        Targets.Police => "a police officer",
        Targets.SecurityForces => "an off-duty soldier",
        Targets.Government => "a government official",
        _ => "a shopkeeper",
    };

    private static string Hostages(string[] targets) => targets.FirstOrDefault() switch
    {
        Targets.Government => "a government official",
        Targets.ForeignNationals => "two foreign engineers",
        Targets.Police => "two policemen",
        _ => "labourers working on a road",
    };
}
