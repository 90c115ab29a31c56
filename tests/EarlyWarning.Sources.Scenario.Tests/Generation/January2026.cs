using EarlyWarning.Contracts.Reports;
using EarlyWarning.Contracts.Vocabulary;
using static EarlyWarning.Sources.Scenario.Tests.Generation.Pk;

namespace EarlyWarning.Sources.Scenario.Tests.Generation;

/// <summary>
/// The live part, written by hand after the analysis: the pre-emptive operations of 29–30 January 2026 in
/// north-eastern Quetta, Panjgur and Sherani; the coordinated attacks of the night of 30–31 January in eleven
/// Balochistan districts (three by suicide bombers); the clearance operations of the following ~40 hours; the BLA's
/// claim. Over the window from the first attack to 40 hours later, the killed figures in Balochistan add up to
/// the analysis's totals: 145 militants, and 17 personnel of the Police, Frontier Corps and CTD plus one navy
/// official (18 security forces). Civilians: "several" killed and wounded.
/// </summary>
internal static class January2026
{
    /// <summary>Live play starts here: the morning the first pre-emptive operation is announced.</summary>
    public static readonly DateTimeOffset LiveFrom = At(2026, 1, 30, 6, 0);

    /// <summary>The first attack of the night; the ~40-hour response counts from here.</summary>
    public static readonly DateTimeOffset FirstAttack = At(2026, 1, 30, 23, 50);

    private const string Bla = "BLA";
    private const string Official = "Officials blamed the BLA (Fitna al-Hindustan in official statements).";

    public static void Write(ScenarioBuilder b)
    {
        PreEmptiveOperations(b);
        Attacks(b);
        Claim(b);
        ClearanceOperations(b);
        ElsewhereMeanwhile(b);
    }

    private static void PreEmptiveOperations(ScenarioBuilder b)
    {
        string[] militants = [Targets.Militants];
        b.Report("2026-01-29-preempt-panjgur", Sources.Ispr, At(2026, 1, 30, 7, 20), At(2026, 1, 29, 22, 0), TimePrecision.Hour, Balochistan("Panjgur"),
            IncidentTypes.SecurityOperation, militants, null, null, ClaimStatus.Unknown,
            "Security forces began an intelligence-based operation in Panjgur on information that militants were preparing coordinated attacks. The operation continues; no figures yet.");
        b.Report("2026-01-30-preempt-sherani", Sources.HomeDepartment, At(2026, 1, 30, 10, 40), At(2026, 1, 30, 4, 0), TimePrecision.Hour, Balochistan("Sherani"),
            IncidentTypes.SecurityOperation, militants, null, null, ClaimStatus.Unknown,
            "Pre-emptive operation by security forces in Sherani against militants planning attacks, the Home Department says.");
        b.Report("2026-01-30-preempt-quetta", Sources.BalochistanGovernment, At(2026, 1, 30, 13, 15), At(2026, 1, 30, 0, 0), TimePrecision.Day, Balochistan("Quetta"),
            IncidentTypes.SecurityOperation, militants, null, null, ClaimStatus.Unknown,
            "The provincial government had intelligence that coordinated attacks were being planned, particularly in Quetta's north-eastern areas, and started operations there a day before.");
    }

    private static void Attacks(ScenarioBuilder b)
    {
        // Gwadar: the police first, then Geo News with a time 40 minutes later and lower figures.
        var gwadarToll = Toll(security: 3, securityInjured: 4, civilians: 2, civiliansInjured: 5, militants: 9);
        b.Report("2026-01-31-gwadar", Sources.BalochistanPolice, At(2026, 1, 31, 1, 5), FirstAttack, TimePrecision.Exact, Balochistan("Gwadar", "Gwadar"),
            IncidentTypes.ArmedAssault, [Targets.SecurityForces, Targets.Police, Targets.CpecSite], gwadarToll, Bla, ClaimStatus.Attributed,
            $"Militants attacked security posts on the road to Gwadar port. Two policemen and a Pakistan Navy official were among the dead. {Texts.Figures(gwadarToll)} {Official}", credibility: 2);
        var geoToll = Toll(security: 2, civilians: 2, militants: 6);
        b.Report("2026-01-31-gwadar", Sources.Geo, At(2026, 1, 31, 1, 40), At(2026, 1, 31, 0, 0), TimePrecision.Hour, Balochistan("Gwadar"),
            IncidentTypes.ArmedAssault, [Targets.SecurityForces], geoToll, Bla, ClaimStatus.Attributed,
            $"Heavy firing and explosions in Gwadar after midnight as militants attacked security forces. {Texts.Figures(geoToll)}", credibility: 3);

        Attack(b, "2026-01-31-tasp", Sources.FcBalochistan, At(2026, 1, 31, 0, 20), TimePrecision.Exact, At(2026, 1, 31, 1, 30), Balochistan("Panjgur", "Tasp"),
            IncidentTypes.ArmedAssault, [Targets.SecurityForces], Toll(security: 1, securityInjured: 2, militants: 9),
            "Militants attacked the Frontier Corps camp at Tasp, Panjgur; the attack was repulsed.");
        Attack(b, "2026-01-31-quetta", Sources.CtdBalochistan, At(2026, 1, 31, 0, 45), TimePrecision.Exact, At(2026, 1, 31, 2, 10), Balochistan("Quetta"),
            IncidentTypes.ArmedAssault, [Targets.Police], Toll(security: 2, securityInjured: 3, civilians: 1, civiliansInjured: 4, militants: 12),
            "Militants attacked two police stations off Sariab Road in Quetta.");

        // Kalat: the first report has two police killed; one of the injured dies and the police correct it next day.
        var kalat = b.Report("2026-01-31-kalat", Sources.BalochistanPolice, At(2026, 1, 31, 2, 35), At(2026, 1, 31, 1, 5), TimePrecision.Exact, Balochistan("Kalat"),
            IncidentTypes.ArmedAssault, [Targets.Police, Targets.Highway, Targets.Civilians], Toll(security: 2, securityInjured: 3, civilians: 1, civiliansInjured: 2, militants: 10), Bla, ClaimStatus.Attributed,
            $"Militants attacked the police station in Kalat and stopped traffic on the N-25 highway. {Texts.Figures(Toll(security: 2, securityInjured: 3, civilians: 1, civiliansInjured: 2, militants: 10))} {Official}",
            credibility: 3);
        b.Correct(kalat, At(2026, 2, 1, 9, 30), new Casualties(SecurityForces: new SideCasualties(3, 2)),
            "One of the policemen injured in Kalat died in hospital: 3 killed, 2 injured.");

        Attack(b, "2026-01-31-mastung", Sources.FcBalochistan, At(2026, 1, 31, 1, 25), TimePrecision.Exact, At(2026, 1, 31, 2, 50), Balochistan("Mastung"),
            IncidentTypes.SuicideAttack, [Targets.SecurityForces], Toll(security: 2, securityInjured: 6, militants: 4),
            "A suicide bomber rammed an explosives-laden vehicle into the gate of a Frontier Corps camp in Mastung; three attackers who followed were killed.");

        // Nushki: ISPR, then The Balochistan Post 45 minutes later in its own telling, with very different figures.
        Attack(b, "2026-01-31-nushki", Sources.Ispr, At(2026, 1, 31, 1, 50), TimePrecision.Exact, At(2026, 1, 31, 2, 40), Balochistan("Nushki"),
            IncidentTypes.SuicideAttack, [Targets.SecurityForces], Toll(security: 3, securityInjured: 5, civilians: 1, civiliansInjured: 2, militants: 11),
            "A suicide bomber blew himself up at the gate of the Frontier Corps headquarters in Nushki; the militants who then tried to enter were killed.");
        var tbpToll = Toll(security: 9, militants: 2);
        b.Report("2026-01-31-nushki", Sources.BalochistanPost, At(2026, 1, 31, 3, 20), At(2026, 1, 31, 2, 35), TimePrecision.Exact, Balochistan("Noshki"),
            IncidentTypes.SuicideAttack, [Targets.SecurityForces], tbpToll, Bla, ClaimStatus.Claimed,
            $"A fidayee of the Majeed Brigade struck the Frontier Corps headquarters in Noshki, the BLA says. {Texts.Figures(tbpToll)}", credibility: 4);

        Attack(b, "2026-01-31-kharan", Sources.BalochistanPolice, At(2026, 1, 31, 2, 10), TimePrecision.Exact, At(2026, 1, 31, 3, 45), Balochistan("Kharan"),
            IncidentTypes.SuicideAttack, [Targets.Police], Toll(security: 1, securityInjured: 3, militants: 7),
            "A suicide bomber struck the city police station in Kharan, followed by gunmen.");
        Attack(b, "2026-01-31-jhal-magsi", Sources.Levies, At(2026, 1, 31, 2, 0), TimePrecision.Hour, At(2026, 1, 31, 5, 10), Balochistan("Jhal Magsi", "Gandava"),
            IncidentTypes.ArmedAssault, [Targets.Police], Toll(security: 1, militants: 5),
            "Gunmen attacked the police station in Gandava, Jhal Magsi.");
        Attack(b, "2026-01-31-bagh", Sources.BalochistanPolice, At(2026, 1, 31, 3, 0), TimePrecision.Exact, At(2026, 1, 31, 5, 40), Balochistan("Kachhi", "Bagh"),
            IncidentTypes.ArmedAssault, [Targets.Highway, Targets.Police, Targets.Civilians], Toll(security: 1, civilians: 2, civiliansInjured: 3, militants: 4),
            "Militants blocked the highway at Bagh, Kachhi, fired on vehicles and attacked a police check post.");
        Attack(b, "2026-01-31-tump", Sources.FcBalochistan, At(2026, 1, 31, 3, 35), TimePrecision.Exact, At(2026, 1, 31, 6, 20), Balochistan("Kech", "Tump"),
            IncidentTypes.ArmedAssault, [Targets.SecurityForces], Toll(securityInjured: 2, militants: 6),
            "Militants attacked a Frontier Corps post in Tump, Kech; the attack was repulsed.");
        Attack(b, "2026-01-31-mashkel", Sources.FcBalochistan, At(2026, 1, 31, 4, 20), TimePrecision.Exact, At(2026, 1, 31, 7, 10), Balochistan("Washuk", "Mashkel"),
            IncidentTypes.ArmedAssault, [Targets.SecurityForces], Toll(security: 1, militants: 5),
            "Militants attacked a Frontier Corps post in Mashkel, Washuk.", credibility: 3);

        // Nag: reported only on 2 February, when the Levies' line from Nag was restored.
        Attack(b, "2026-01-31-nag", Sources.Levies, At(2026, 1, 31, 3, 0), TimePrecision.Hour, At(2026, 2, 2, 10, 30), Balochistan("Washuk", "Nag"),
            IncidentTypes.InfrastructureAttack, [Targets.Police, Targets.Telecom], Toll(securityInjured: 2),
            "Reported late: in the early hours of 31 January militants set fire to the mobile phone tower in Nag and fired on the Levies post; communications were cut until 2 February.");

        // A rumour of an attack where, the government says, none took place; the source withdraws it.
        var rumour = b.Report("2026-01-31-quetta-north-east-rumour", Sources.SocialMonitor, At(2026, 1, 31, 1, 35), At(2026, 1, 31, 1, 0), TimePrecision.Hour, Balochistan("Quetta"),
            IncidentTypes.ArmedAssault, [Targets.Police], null, null, ClaimStatus.Unknown,
            "Unconfirmed: social media posts speak of an attack on a police post in north-eastern Quetta.", credibility: 5);
        b.Retract(rumour, At(2026, 1, 31, 9, 40),
            "No attack took place in north-eastern Quetta: the firing heard there was the security forces' pre-emptive operation.");
    }

    private static void Claim(ScenarioBuilder b) =>
        b.Report("2026-01-31-bla-claim", Sources.MediaMonitor, At(2026, 1, 31, 7, 5), At(2026, 1, 31, 6, 30), TimePrecision.Exact, Balochistan("Quetta"),
            IncidentTypes.ClaimOfResponsibility, [Targets.SecurityForces, Targets.Police], null, Bla, ClaimStatus.Claimed,
            "The Balochistan Liberation Army claimed responsibility for the night's attacks in a social media post, describing them as the second phase of 'Operation Herof' (Black Storm). " +
            "The claim covers many districts; it is placed at the provincial capital.", credibility: 2);

    private static void ClearanceOperations(ScenarioBuilder b)
    {
        Operation(b, "2026-01-31-clearance-quetta", Sources.Ispr, At(2026, 1, 31, 9, 0), At(2026, 1, 31, 13, 30), Balochistan("Quetta"), 14,
            "Clearance operation in Quetta after the night's attacks on police stations.");
        Operation(b, "2026-01-31-clearance-nushki", Sources.Ispr, At(2026, 1, 31, 14, 0), At(2026, 1, 31, 19, 0), Balochistan("Nushki"), 12,
            "Security forces cleared the area around the Frontier Corps headquarters in Nushki.");
        Operation(b, "2026-01-31-clearance-mastung", Sources.CtdBalochistan, At(2026, 1, 31, 20, 0), At(2026, 2, 1, 1, 15), Balochistan("Mastung"), 10,
            "Intelligence-based operation in Mastung against the militants who attacked Mastung and Kalat.");
        Operation(b, "2026-02-01-clearance-panjgur", Sources.FcBalochistan, At(2026, 2, 1, 3, 0), At(2026, 2, 1, 8, 40), Balochistan("Panjgur"), 9,
            "Search and clearance operation in Panjgur continues.");
        Operation(b, "2026-02-01-clearance-gwadar", Sources.Ispr, At(2026, 2, 1, 8, 0), At(2026, 2, 1, 12, 20), Balochistan("Gwadar"), 8,
            "Clearance operation in and around Gwadar.");
        Operation(b, "2026-02-01-clearance-kharan", Sources.Ispr, At(2026, 2, 1, 12, 0), At(2026, 2, 1, 16, 45), Balochistan("Kharan"), 10,
            "Last clearance operation, in Kharan. Over about 40 hours of operations 145 militants, including three suicide bombers, have been killed; " +
            "17 personnel of the Balochistan Police, Frontier Corps and Counter-Terrorism Department and one navy official lost their lives.");
    }

    private static void ElsewhereMeanwhile(ScenarioBuilder b)
    {
        Attack(b, "2026-01-31-bannu", Sources.KpPolice, At(2026, 1, 31, 10, 0), TimePrecision.Hour, At(2026, 1, 31, 13, 5), Kp("Bannu"),
            IncidentTypes.ArmedAssault, [Targets.Police], Toll(security: 1, securityInjured: 2, militants: 2),
            "Militants attacked a police check post in Bannu.", perpetrator: "TTP");
        Attack(b, "2026-02-01-dera-ismail-khan", Sources.Dawn, At(2026, 2, 1, 19, 0), TimePrecision.Exact, At(2026, 2, 1, 21, 30), Kp("D.I. Khan"),
            IncidentTypes.Bombing, [Targets.Civilians], Toll(civilians: 1, civiliansInjured: 3),
            "A bomb went off in a market in D.I. Khan.", perpetrator: null);
    }

    private static void Attack(
        ScenarioBuilder b, string key, Source source, DateTimeOffset occurred, string precision, DateTimeOffset reported, ReportedLocation where,
        string type, string[] targets, Casualties toll, string text, int? credibility = null, string? perpetrator = Bla)
    {
        var claim = perpetrator is null ? ClaimStatus.Unknown : ClaimStatus.Attributed;
        var blame = perpetrator switch
        {
            null => "No group has claimed it.",
            Bla => Official,
            _ => $"Officials blamed {Texts.Group(perpetrator)}.",
        };
        b.Report(key, source, reported, occurred, precision, where, type, targets, toll, perpetrator, claim, $"{text} {Texts.Figures(toll)} {blame}", credibility ?? 2);
    }

    private static void Operation(ScenarioBuilder b, string key, Source source, DateTimeOffset occurred, DateTimeOffset reported, ReportedLocation where, int militants, string text) =>
        b.Report(key, source, reported, occurred, TimePrecision.Hour, where, IncidentTypes.SecurityOperation, [Targets.Militants],
            new Casualties(Militants: new SideCasualties(militants)), Bla, ClaimStatus.Attributed,
            $"{text} {militants} militants killed.", credibility: 2);
}
