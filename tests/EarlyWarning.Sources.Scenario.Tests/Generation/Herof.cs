using EarlyWarning.Contracts.Reports;
using EarlyWarning.Contracts.Vocabulary;
using static EarlyWarning.Sources.Scenario.Tests.Generation.Pk;

namespace EarlyWarning.Sources.Scenario.Tests.Generation;

/// <summary>
/// The two earlier phases of the BLA's "Operation Herof" the analysis names: August 2024 (highway security,
/// police stations, army camps, several districts on one night) and May 2025 ("Herof 2.0", more and wider
/// attacks). Hand-written anchors inside the background; their figures are illustrative.
/// </summary>
internal static class Herof
{
    /// <summary>What an anchor set adds to its year's totals.</summary>
    public sealed record Contribution(int Attacks, int Deaths);

    public static Contribution FirstPhase(ScenarioBuilder b)
    {
        string[] highwayCivilians = [Targets.Highway, Targets.Civilians];
        var attacks = new (string Key, Source Source, DateTimeOffset Occurred, string Precision, DateTimeOffset Reported, ReportedLocation Where, string Type, string[] Targets, Casualties Toll, string Text)[]
        {
            ("2024-08-herof-musakhel", Sources.BalochistanPolice, At(2024, 8, 25, 23, 30), TimePrecision.Exact, At(2024, 8, 26, 6, 40), Balochistan("Musakhel", "Rarasham"),
                IncidentTypes.ArmedAssault, highwayCivilians, Toll(civilians: 23, civiliansInjured: 2),
                "Gunmen blocked the highway at Rarasham, checked the passengers' identity cards and shot dead travellers; trucks and buses were set on fire."),
            ("2024-08-herof-bolan", Sources.BalochistanPolice, At(2024, 8, 26, 0, 40), TimePrecision.Hour, At(2024, 8, 26, 8, 15), Balochistan("Kachhi", "Kolpur"),
                IncidentTypes.InfrastructureAttack, [Targets.Rail], Toll(civilians: 6),
                "Militants blew up the railway bridge near Kolpur in Bolan, cutting the line to Quetta; six bodies were found near the bridge."),
            ("2024-08-herof-kalat", Sources.Levies, At(2024, 8, 26, 1, 10), TimePrecision.Hour, At(2024, 8, 26, 7, 5), Balochistan("Kalat"),
                IncidentTypes.ArmedAssault, [Targets.Police, Targets.Highway, Targets.Civilians], Toll(security: 5, securityInjured: 4, civilians: 5, militants: 4),
                "Militants attacked a Levies post and stopped vehicles on the N-25 highway in Kalat."),
            ("2024-08-herof-bela", Sources.Ispr, At(2024, 8, 26, 1, 30), TimePrecision.Exact, At(2024, 8, 26, 14, 0), Balochistan("Lasbela", "Bela"),
                IncidentTypes.SuicideAttack, [Targets.SecurityForces], Toll(security: 4, securityInjured: 6, militants: 7),
                "A suicide bomber drove a vehicle into the gate of a security forces camp in Bela; attackers who followed were killed in the clearance."),
            ("2024-08-herof-mastung", Sources.BalochistanPolice, At(2024, 8, 26, 2, 0), TimePrecision.Hour, At(2024, 8, 26, 7, 50), Balochistan("Mastung"),
                IncidentTypes.ArmedAssault, [Targets.Police], Toll(security: 2, securityInjured: 3, militants: 3),
                "Gunmen attacked a police station in Mastung."),
            ("2024-08-herof-pasni", Sources.FcBalochistan, At(2024, 8, 26, 2, 30), TimePrecision.Hour, At(2024, 8, 26, 9, 20), Balochistan("Gwadar", "Pasni"),
                IncidentTypes.ArmedAssault, [Targets.SecurityForces, Targets.Highway], Toll(security: 2, securityInjured: 1, militants: 4),
                "Militants attacked a security check post on the coastal highway near Pasni."),
            ("2024-08-herof-sibi", Sources.BalochistanPolice, At(2024, 8, 26, 3, 0), TimePrecision.Hour, At(2024, 8, 26, 10, 30), Balochistan("Sibi"),
                IncidentTypes.Bombing, highwayCivilians, Toll(civilians: 1, civiliansInjured: 3),
                "A roadside bomb went off on the highway near Sibi as vehicles passed."),
            ("2024-08-herof-turbat", Sources.FcBalochistan, At(2024, 8, 26, 3, 40), TimePrecision.Exact, At(2024, 8, 26, 9, 45), Balochistan("Kech", "Turbat"),
                IncidentTypes.ArmedAssault, [Targets.SecurityForces], Toll(security: 1, securityInjured: 2, militants: 3),
                "Militants attacked a Frontier Corps post in Turbat."),
        };
        foreach (var a in attacks)
        {
            b.Report(a.Key, a.Source, a.Reported, a.Occurred, a.Precision, a.Where, a.Type, a.Targets, a.Toll, "BLA", ClaimStatus.Attributed,
                $"{a.Text} {Texts.Figures(a.Toll)} Officials blamed the BLA.");
        }
        // Dawn's account of the highway massacre, an hour after the police's, with the same toll.
        var musakhel = attacks[0];
        b.Report(musakhel.Key, Sources.Dawn, At(2024, 8, 26, 7, 35), At(2024, 8, 26, 0, 0), TimePrecision.Hour, Balochistan("Musakhel"),
            musakhel.Type, musakhel.Targets, musakhel.Toll, "BLA", ClaimStatus.Claimed,
            "Armed men offloaded passengers from vehicles on the highway in Musakhel and shot them after checking their identity cards. " +
            $"{Texts.Figures(musakhel.Toll)} The BLA claimed the attack.", credibility: 2);
        b.Report("2024-08-herof-claim", Sources.MediaMonitor, At(2024, 8, 26, 9, 30), At(2024, 8, 26, 8, 45), TimePrecision.Exact, Balochistan("Quetta"),
            IncidentTypes.ClaimOfResponsibility, [Targets.SecurityForces, Targets.Police, Targets.Highway], null, "BLA", ClaimStatus.Claimed,
            "The BLA claimed the night's attacks across Balochistan (highway blockades, police stations, army camps) as 'Operation Herof'. " +
            "The claim covers many districts; it is placed at the provincial capital.", credibility: 2);
        return new Contribution(attacks.Length, attacks.Sum(a => Killed(a.Toll)));
    }

    public static Contribution SecondPhase(ScenarioBuilder b)
    {
        var attacks = new (string Key, Source Source, DateTimeOffset Occurred, string Precision, DateTimeOffset Reported, ReportedLocation Where, string Type, string[] Targets, Casualties? Toll, string Text)[]
        {
            ("2025-05-herof2-turbat", Sources.FcBalochistan, At(2025, 5, 10, 22, 10), TimePrecision.Exact, At(2025, 5, 11, 0, 5), Balochistan("Kech", "Turbat"),
                IncidentTypes.Bombing, [Targets.SecurityForces], Toll(security: 3, securityInjured: 5),
                "A remote-controlled bomb hit a Frontier Corps convoy in Turbat."),
            ("2025-05-herof2-quetta", Sources.CtdBalochistan, At(2025, 5, 10, 23, 0), TimePrecision.Exact, At(2025, 5, 11, 0, 40), Balochistan("Quetta"),
                IncidentTypes.Bombing, [Targets.Police], Toll(security: 2, securityInjured: 3, civilians: 1, civiliansInjured: 2),
                "A bomb planted by the road went off next to a police vehicle in Quetta."),
            ("2025-05-herof2-mastung", Sources.BalochistanPolice, At(2025, 5, 11, 0, 30), TimePrecision.Hour, At(2025, 5, 11, 3, 15), Balochistan("Mastung"),
                IncidentTypes.ArmedAssault, [Targets.Police], Toll(security: 1, securityInjured: 2, militants: 2),
                "Militants attacked a police station in Mastung."),
            ("2025-05-herof2-kalat", Sources.Levies, At(2025, 5, 11, 1, 0), TimePrecision.Hour, At(2025, 5, 11, 6, 0), Balochistan("Kalat"),
                IncidentTypes.InfrastructureAttack, [Targets.Highway], null,
                "Armed men blocked the N-25 highway in Kalat for several hours and set a truck on fire."),
            ("2025-05-herof2-mach", Sources.BalochistanPolice, At(2025, 5, 11, 1, 40), TimePrecision.Hour, At(2025, 5, 11, 7, 30), Balochistan("Kachhi", "Mach"),
                IncidentTypes.InfrastructureAttack, [Targets.Rail], null,
                "An explosion damaged the railway track near Mach; trains to Quetta were suspended."),
            ("2025-05-herof2-nushki", Sources.FcBalochistan, At(2025, 5, 11, 2, 15), TimePrecision.Exact, At(2025, 5, 11, 4, 0), Balochistan("Nushki"),
                IncidentTypes.ArmedAssault, [Targets.SecurityForces], Toll(security: 2, securityInjured: 4, militants: 3),
                "Militants attacked a Frontier Corps camp in Nushki."),
            ("2025-05-herof2-kharan", Sources.BalochistanPolice, At(2025, 5, 11, 3, 0), TimePrecision.Hour, At(2025, 5, 11, 8, 10), Balochistan("Kharan"),
                IncidentTypes.ArmedAssault, [Targets.Government], Toll(security: 1, civilians: 1, civiliansInjured: 2),
                "Armed men stormed government offices and a bank in Kharan."),
            ("2025-05-herof2-panjgur", Sources.Levies, At(2025, 5, 11, 3, 30), TimePrecision.Hour, At(2025, 5, 11, 9, 0), Balochistan("Panjgur"),
                IncidentTypes.TargetedKilling, [Targets.Police], Toll(security: 1),
                "Gunmen shot dead a Levies official at his home in Panjgur."),
            ("2025-05-herof2-khuzdar", Sources.BalochistanPolice, At(2025, 5, 11, 4, 10), TimePrecision.Hour, At(2025, 5, 11, 9, 40), Balochistan("Khuzdar"),
                IncidentTypes.InfrastructureAttack, [Targets.Telecom], null,
                "Militants set fire to two mobile phone towers near Khuzdar."),
            ("2025-05-herof2-surab", Sources.BalochistanPolice, At(2025, 5, 11, 5, 0), TimePrecision.Hour, At(2025, 5, 11, 10, 20), Balochistan("Surab"),
                IncidentTypes.ArmedAssault, [Targets.Police, Targets.Government], Toll(security: 1, securityInjured: 1, civilians: 1, militants: 1),
                "Dozens of armed men entered Surab, attacked the police station and set government offices on fire before withdrawing."),
            ("2025-05-herof2-gwadar", Sources.FcBalochistan, At(2025, 5, 11, 5, 30), TimePrecision.Exact, At(2025, 5, 11, 8, 50), Balochistan("Gwadar"),
                IncidentTypes.ArmedAssault, [Targets.SecurityForces, Targets.Highway], Toll(security: 2, securityInjured: 2),
                "Militants attacked a security check post on the coastal highway in Gwadar."),
        };
        foreach (var a in attacks)
        {
            b.Report(a.Key, a.Source, a.Reported, a.Occurred, a.Precision, a.Where, a.Type, a.Targets, a.Toll, "BLA", ClaimStatus.Attributed,
                $"{a.Text} {Texts.Figures(a.Toll)} Officials blamed the BLA.");
        }
        b.Report("2025-05-herof2-claim", Sources.MediaMonitor, At(2025, 5, 11, 14, 0), At(2025, 5, 11, 13, 20), TimePrecision.Exact, Balochistan("Quetta"),
            IncidentTypes.ClaimOfResponsibility, [Targets.SecurityForces, Targets.Police, Targets.Highway, Targets.Government], null, "BLA", ClaimStatus.Claimed,
            "The BLA announced 'Operation Herof 2.0', a second and wider phase, and claimed dozens of coordinated attacks across Balochistan since the night before. " +
            "The claim covers many districts; it is placed at the provincial capital.", credibility: 2);
        return new Contribution(attacks.Length, attacks.Sum(a => Killed(a.Toll)));
    }

    internal static int Killed(Casualties? toll) =>
        (toll?.SecurityForces?.Killed ?? 0) + (toll?.Civilians?.Killed ?? 0) + (toll?.Militants?.Killed ?? 0);
}
