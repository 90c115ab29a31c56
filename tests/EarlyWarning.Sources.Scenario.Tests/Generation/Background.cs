using EarlyWarning.Contracts.Reports;
using EarlyWarning.Contracts.Vocabulary;

namespace EarlyWarning.Sources.Scenario.Tests.Generation;

/// <summary>What a stretch of background must add up to, besides its hand-written anchor incidents.</summary>
/// <param name="KeyPrefix">Incident keys are <c>{KeyPrefix}-001</c> and on, in time order.</param>
/// <param name="Start">The first moment incidents may occur.</param>
/// <param name="End">Incidents occur before it.</param>
/// <param name="Attacks">How many attacks to draw.</param>
/// <param name="Deaths">Their killed figures, all sides, add up to exactly this.</param>
/// <param name="Elsewhere">How many of the attacks fall outside Khyber Pakhtunkhwa and Balochistan.</param>
/// <param name="ElsewhereDeaths">How many of the deaths those carry.</param>
/// <param name="SecondSources">How many attacks a second source also reports.</param>
/// <param name="Claims">How many claimed attacks get a claim-of-responsibility report of their own.</param>
/// <param name="Corrections">How many first reports give a figure too low, corrected later.</param>
/// <param name="Rumours">How many false reports, retracted within hours, are added (not counted as attacks).</param>
internal sealed record BackgroundTarget(
    string KeyPrefix,
    DateTimeOffset Start,
    DateTimeOffset End,
    int Attacks,
    int Deaths,
    int Elsewhere,
    int ElsewhereDeaths,
    int SecondSources,
    int Claims,
    int Corrections,
    int Rumours);

/// <summary>
/// Draws background attacks with a seeded generator and writes them to the builder. Deaths are not drawn per
/// incident and then summed, which would miss the published totals: each attack gets a weight (by its type, times
/// a skewed random factor) and the total is shared out by weight, largest remainders first, so that the sum
/// is exact and the distribution still has many small and a few large incidents.
/// </summary>
internal static class Background
{
    private static readonly IReadOnlyList<(string Item, int Weight)> HomeTypes =
    [
        (IncidentTypes.ArmedAssault, 34), (IncidentTypes.Bombing, 20), (IncidentTypes.TargetedKilling, 15), (IncidentTypes.SuicideAttack, 4),
        (IncidentTypes.Kidnapping, 7), (IncidentTypes.InfrastructureAttack, 11), (IncidentTypes.CrossBorderFire, 9),
    ];

    private static readonly IReadOnlyList<(string Item, int Weight)> ElsewhereTypes =
    [
        (IncidentTypes.ArmedAssault, 30), (IncidentTypes.Bombing, 25), (IncidentTypes.TargetedKilling, 30), (IncidentTypes.SuicideAttack, 5),
        (IncidentTypes.Kidnapping, 10),
    ];

    // Attacks come more often at night and before dawn.
    private static readonly IReadOnlyList<(int Item, int Weight)> Hours =
        Enumerable.Range(0, 24).Select(h => (h, h is <= 5 or >= 21 ? 3 : h is >= 18 or <= 8 ? 2 : 1)).ToList();

    private static readonly string[] NorthernBalochistan = ["Zhob", "Sherani", "Killa Saifullah", "Musakhel", "Loralai", "Duki", "Pishin", "Quetta", "Chaman", "Killa Abdullah", "Barkhan"];

    private static readonly Dictionary<string, string> DistrictSpellings = new(StringComparer.Ordinal)
    {
        ["Dera Ismail Khan"] = "D.I. Khan",
        ["Nushki"] = "Noshki",
        ["Kachhi"] = "Bolan",
        ["Killa Abdullah"] = "Qila Abdullah",
        ["Killa Saifullah"] = "Qila Saifullah",
        ["Kech"] = "Turbat",
    };

    public static void Generate(ScenarioBuilder builder, SplitMix rng, BackgroundTarget target)
    {
        var home = Enumerable.Range(0, target.Attacks - target.Elsewhere).Select(_ => Sketch(rng, target, Districts.Home, HomeTypes)).ToList();
        var elsewhere = Enumerable.Range(0, target.Elsewhere).Select(_ => Sketch(rng, target, Districts.Elsewhere, ElsewhereTypes)).ToList();
        Allocate(home, target.Deaths - target.ElsewhereDeaths);
        Allocate(elsewhere, target.ElsewhereDeaths);

        var drafts = home.Concat(elsewhere).OrderBy(d => d.Time).ToList();
        var corrected = Choose(rng, drafts.Where(d => d.Killed >= 2 && d.Type != IncidentTypes.SuicideAttack).ToList(), target.Corrections);
        var seconded = Choose(rng, drafts.Where(d => d.District.Region is Region.Balochistan or Region.KhyberPakhtunkhwa).ToList(), target.SecondSources);
        var claimed = new HashSet<Draft>(Choose(rng, drafts.Where(d => d.Killed >= 3).ToList(), target.Claims));
        for (var i = 0; i < drafts.Count; i++)
            Write(builder, rng, drafts[i], $"{target.KeyPrefix}-{i + 1:000}", corrected.Contains(drafts[i]), seconded.Contains(drafts[i]), claimed.Contains(drafts[i]));

        for (var i = 0; i < target.Rumours; i++)
            Rumour(builder, rng, target, $"{target.KeyPrefix}-rumour-{i + 1}");
    }

    private static Draft Sketch(SplitMix rng, BackgroundTarget target, IReadOnlyList<(DistrictSpec Item, int Weight)> districts, IReadOnlyList<(string Item, int Weight)> types)
    {
        var district = rng.Pick(districts);
        var type = rng.Pick(types);
        while (type == IncidentTypes.CrossBorderFire && !district.Border)
            type = rng.Pick(types);
        var days = (int)(target.End - target.Start).TotalDays;
        var time = target.Start.AddDays(rng.Next(days)).AddHours(rng.Pick(Hours)).AddMinutes(rng.Next(60));
        var targets = DrawTargets(rng, type, district);
        // A skewed factor: most attacks near the type's usual toll, a few several times it.
        var u = rng.NextDouble();
        var weight = TypeWeight(type) * (0.3 + 3.2 * u * u * u);
        return new Draft(district, type, targets, time, weight, Minimum(type));
    }

    private static void Allocate(List<Draft> drafts, int deaths)
    {
        var remaining = deaths - drafts.Sum(d => d.Minimum);
        if (remaining < 0)
            throw new InvalidOperationException($"{deaths} deaths cannot cover the minimum of {drafts.Sum(d => d.Minimum)}.");
        var total = drafts.Sum(d => d.Weight);
        var shares = drafts.Select((d, i) => (Index: i, Exact: remaining * d.Weight / total)).ToList();
        foreach (var (index, exact) in shares)
            drafts[index].Killed = drafts[index].Minimum + (int)exact;
        var left = deaths - drafts.Sum(d => d.Killed);
        foreach (var (index, _) in shares.OrderByDescending(s => s.Exact - Math.Floor(s.Exact)).ThenBy(s => s.Index).Take(left))
            drafts[index].Killed++;
    }

    private static void Write(ScenarioBuilder builder, SplitMix rng, Draft draft, string key, bool corrected, bool seconded, bool claimed)
    {
        var sides = Split(rng, draft);
        var casualties = sides.ToCasualties();
        var perpetrator = Perpetrator(rng, draft);
        var claimStatus = perpetrator is null ? ClaimStatus.Unknown : rng.Chance(0.4) ? ClaimStatus.Claimed : ClaimStatus.Attributed;
        var location = Location(rng, draft.District);
        var source = rng.Pick(Sources.For(draft.District.Region));
        var precision = rng.Pick<string>([(TimePrecision.Exact, 30), (TimePrecision.Hour, 50), (TimePrecision.Day, 20)]);
        var reportedAt = draft.Time.AddMinutes(Delay(rng));

        var understated = corrected ? Understated(sides) : null;
        var first = understated?.Reported ?? casualties;
        var report = builder.Report(
            key, source, reportedAt, Round(draft.Time, precision), precision, location, draft.Type, draft.Targets, first,
            perpetrator, claimStatus, Texts.Describe(draft.Type, draft.Targets, Texts.Where(location), first, perpetrator, claimStatus),
            rng.Pick(source.Credibilities));
        if (understated is { Correction: var correction })
        {
            builder.Correct(report, reportedAt.AddMinutes(rng.Between(360, 2880)), correction,
                "Revised figures: one of the injured died in hospital.");
        }

        if (seconded)
        {
            var other = rng.Pick(Sources.For(draft.District.Region));
            while (other == source)
                other = rng.Pick(Sources.For(draft.District.Region));
            var otherAt = reportedAt.AddMinutes(rng.Between(10, 180));
            var occurred = Round(draft.Time.AddMinutes(rng.Between(-40, 40)), TimePrecision.Hour);
            var figures = rng.Chance(0.5) ? casualties : null;
            var otherLocation = Location(rng, draft.District);
            builder.Report(
                key, other, otherAt, occurred <= otherAt ? occurred : Round(draft.Time, TimePrecision.Hour), TimePrecision.Hour, otherLocation,
                draft.Type, draft.Targets, figures, perpetrator, claimStatus,
                Texts.Describe(draft.Type, draft.Targets, Texts.Where(otherLocation), figures, perpetrator, claimStatus), rng.Pick(other.Credibilities));
        }

        if (claimed && perpetrator is not null)
        {
            var claimAt = draft.Time.AddMinutes(rng.Between(120, 900));
            builder.Report(
                key + "-claim", Sources.MediaMonitor, claimAt.AddMinutes(rng.Between(10, 90)), claimAt, TimePrecision.Exact, location,
                IncidentTypes.ClaimOfResponsibility, draft.Targets, null, perpetrator, ClaimStatus.Claimed,
                $"{Texts.Capitalised(Texts.Group(perpetrator))} claimed responsibility for the attack in {Texts.Where(location)} in a statement on its media channel.",
                rng.Pick(Sources.MediaMonitor.Credibilities));
        }
    }

    private static void Rumour(ScenarioBuilder builder, SplitMix rng, BackgroundTarget target, string key)
    {
        var district = rng.Pick(Districts.Home);
        var days = (int)(target.End - target.Start).TotalDays;
        var time = target.Start.AddDays(rng.Next(days - 1)).AddHours(rng.Between(8, 20));
        var location = new ReportedLocation(district.Province, district.Name, null);
        string[] targets = [Targets.Civilians];
        var report = builder.Report(
            key, Sources.SocialMonitor, time.AddMinutes(rng.Between(15, 60)), Round(time, TimePrecision.Hour), TimePrecision.Hour, location,
            IncidentTypes.Bombing, targets, null, null, ClaimStatus.Unknown,
            $"Unconfirmed: posts on social media speak of a loud blast in {district.Name}.", rng.Pick(Sources.SocialMonitor.Credibilities));
        builder.Retract(report, report.ReportedAt.AddMinutes(rng.Between(90, 600)),
            "No attack took place: the police say the blast was a controlled detonation by the bomb disposal squad.");
    }

    private static Sides Split(SplitMix rng, Draft draft)
    {
        int security = 0, civilians = 0, militants = 0;
        var left = draft.Killed;
        if (draft.Type == IncidentTypes.SuicideAttack && left > 0)
        {
            militants = 1; // the bomber
            left--;
        }
        var militantShare = draft.Type switch
        {
            IncidentTypes.ArmedAssault => 0.35,
            IncidentTypes.CrossBorderFire => 0.3,
            IncidentTypes.InfrastructureAttack => 0.05,
            _ => 0.0,
        };
        var forces = draft.Targets.Any(t => t is Targets.Police or Targets.SecurityForces);
        var securityShare = forces ? 0.8 : draft.Targets.Any(t => t is Targets.Civilians or Targets.Government or Targets.ForeignNationals) ? 0.1 : 0.4;
        for (var i = 0; i < left; i++)
        {
            if (rng.Chance(militantShare))
                militants++;
            else if (rng.Chance(securityShare))
                security++;
            else
                civilians++;
        }
        var heavy = draft.Type is IncidentTypes.Bombing or IncidentTypes.SuicideAttack;
        var securityInjured = security * rng.Between(0, 3) + (forces ? rng.Between(0, heavy ? 6 : 2) : 0);
        var civiliansInjured = civilians * rng.Between(0, 3) + (!forces || heavy ? rng.Between(0, heavy ? 8 : 2) : 0);
        return new Sides(security, securityInjured, civilians, civiliansInjured, militants, draft.Type);
    }

    /// <summary>
    /// The figures of a first report that is corrected later (one of the killed counted as injured) and the
    /// correction's; null when no side has a death to move.
    /// </summary>
    private static (Casualties Reported, Casualties Correction)? Understated(Sides sides)
    {
        var full = sides.ToCasualties()!;
        if (sides.Security >= 2)
        {
            return (full with { SecurityForces = new SideCasualties(sides.Security - 1, sides.SecurityInjured + 1) },
                new Casualties(SecurityForces: new SideCasualties(sides.Security, sides.SecurityInjured)));
        }
        if (sides.Civilians >= 1)
        {
            return (full with { Civilians = new SideCasualties(sides.Civilians - 1, sides.CiviliansInjured + 1) },
                new Casualties(Civilians: new SideCasualties(sides.Civilians, sides.CiviliansInjured)));
        }
        return null;
    }

    private static string? Perpetrator(SplitMix rng, Draft draft)
    {
        var district = draft.District;
        IReadOnlyList<(string? Item, int Weight)> weights = district.Region switch
        {
            Region.Balochistan when NorthernBalochistan.Contains(district.Name) => [("TTP", 40), ("BLA", 20), (null, 40)],
            Region.Balochistan => [("BLA", 45), ("BLF", 22), ("BRAS", 5), (null, 28)],
            Region.KhyberPakhtunkhwa when draft.Type == IncidentTypes.CrossBorderFire => [("TTP", 50), (null, 50)],
            Region.KhyberPakhtunkhwa when district.Name == "Khyber" => [("TTP", 45), ("Lashkar-e-Islam", 15), (null, 40)],
            Region.KhyberPakhtunkhwa when district.Name == "North Waziristan" => [("TTP", 45), ("Hafiz Gul Bahadur group", 25), (null, 30)],
            Region.KhyberPakhtunkhwa => [("TTP", 60), ("ISKP", 7), (null, 33)],
            Region.Sindh => [("BLA", 30), ("TTP", 25), (null, 45)],
            _ => [("TTP", 50), (null, 50)],
        };
        return rng.Pick(weights);
    }

    private static ReportedLocation Location(SplitMix rng, DistrictSpec district)
    {
        var province = district.Province switch
        {
            "Balochistan" when rng.Chance(0.15) => "Baluchistan",
            "Khyber Pakhtunkhwa" when rng.Chance(0.15) => "KP",
            var p => p,
        };
        var name = DistrictSpellings.TryGetValue(district.Name, out var spelling) && rng.Chance(0.2) ? spelling : district.Name;
        var place = district.Places.Length > 0 && rng.Chance(0.5) ? rng.Pick(district.Places) : null;
        return new ReportedLocation(province, name, place);
    }

    private static string[] DrawTargets(SplitMix rng, string type, DistrictSpec district)
    {
        var balochistan = district.Region == Region.Balochistan;
        IReadOnlyList<(string[] Item, int Weight)> weights = type switch
        {
            IncidentTypes.ArmedAssault =>
            [
                ([Targets.Police], 30), ([Targets.SecurityForces], 30),
                ([Targets.Police, Targets.Highway], 8),
                ([Targets.SecurityForces, Targets.Highway], balochistan ? 10 : 4),
                ([Targets.Civilians], 12), ([Targets.Government], 6),
            ],
            IncidentTypes.Bombing =>
            [
                ([Targets.SecurityForces], 35), ([Targets.Police], 30),
                ([Targets.Civilians], 25), ([Targets.Rail], balochistan ? 6 : 1),
                ([Targets.Energy], 4),
            ],
            IncidentTypes.SuicideAttack =>
            [
                ([Targets.SecurityForces], 50), ([Targets.Police], 25),
                ([Targets.Civilians], 20),
                ([Targets.ForeignNationals, Targets.CpecSite], balochistan ? 5 : 2),
            ],
            IncidentTypes.TargetedKilling =>
            [
                ([Targets.Police], 35), ([Targets.SecurityForces], 15),
                ([Targets.Civilians], 35), ([Targets.Government], 15),
            ],
            IncidentTypes.Kidnapping =>
            [
                ([Targets.Civilians], 60), ([Targets.Government], 25),
                ([Targets.Police], 10), ([Targets.ForeignNationals], 5),
            ],
            IncidentTypes.InfrastructureAttack =>
            [
                ([Targets.Telecom], 30), ([Targets.Energy], 25),
                ([Targets.Rail], balochistan ? 20 : 5), ([Targets.Highway], 15),
                ([Targets.CpecSite], balochistan ? 10 : 2),
            ],
            _ =>
            [
                ([Targets.SecurityForces], 70),
                ([Targets.SecurityForces, Targets.Civilians], 30),
            ],
        };
        return rng.Pick(weights);
    }

    private static double TypeWeight(string type) => type switch
    {
        IncidentTypes.SuicideAttack => 10,
        IncidentTypes.ArmedAssault or IncidentTypes.Bombing => 3,
        IncidentTypes.CrossBorderFire => 2,
        IncidentTypes.TargetedKilling => 1.2,
        IncidentTypes.InfrastructureAttack => 0.3,
        _ => 0.15,
    };

    private static int Minimum(string type) => type switch
    {
        IncidentTypes.SuicideAttack => 2, // the bomber and at least one victim
        IncidentTypes.TargetedKilling => 1,
        _ => 0,
    };

    private static int Delay(SplitMix rng)
    {
        var roll = rng.NextDouble();
        return roll < 0.04 ? rng.Between(1440, 4320) // a late report, one to three days on
            : roll < 0.16 ? rng.Between(300, 900)
            : rng.Between(25, 300);
    }

    internal static DateTimeOffset Round(DateTimeOffset time, string precision) => precision switch
    {
        TimePrecision.Day => new DateTimeOffset(time.Year, time.Month, time.Day, 0, 0, 0, time.Offset),
        TimePrecision.Hour => new DateTimeOffset(time.Year, time.Month, time.Day, time.Hour, 0, 0, time.Offset),
        _ => time,
    };

    private static List<T> Choose<T>(SplitMix rng, List<T> items, int count)
    {
        var pool = items.ToList();
        var chosen = new List<T>();
        for (var i = 0; i < count && pool.Count > 0; i++)
        {
            var index = rng.Next(pool.Count);
            chosen.Add(pool[index]);
            pool.RemoveAt(index);
        }
        return chosen;
    }

    private sealed class Draft(DistrictSpec district, string type, string[] targets, DateTimeOffset time, double weight, int minimum)
    {
        public DistrictSpec District { get; } = district;

        public string Type { get; } = type;

        public string[] Targets { get; } = targets;

        public DateTimeOffset Time { get; } = time;

        public double Weight { get; } = weight;

        public int Minimum { get; } = minimum;

        public int Killed { get; set; }
    }

    private sealed record Sides(int Security, int SecurityInjured, int Civilians, int CiviliansInjured, int Militants, string Type)
    {
        public Casualties? ToCasualties()
        {
            var security = Security > 0 || SecurityInjured > 0 ? new SideCasualties(Security, SecurityInjured) : null;
            var civilians = Civilians > 0 || CiviliansInjured > 0 ? new SideCasualties(Civilians, CiviliansInjured) : null;
            var militants = Militants > 0 ? new SideCasualties(Militants) : null;
            if (security is null && civilians is null && militants is null)
            {
                // Kidnappings and sabotage without casualties come with no figures; an attack that hurt nobody says so.
                return Type is IncidentTypes.Kidnapping or IncidentTypes.InfrastructureAttack ? null : new Casualties(SecurityForces: new SideCasualties(0, 0));
            }
            return new Casualties(security, civilians, militants);
        }
    }
}
