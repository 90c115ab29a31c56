using static EarlyWarning.Sources.Scenario.Tests.Generation.Pk;

namespace EarlyWarning.Sources.Scenario.Tests.Generation;

/// <summary>
/// Makes <c>src/EarlyWarning.Sources.Scenario/Scenarios/balochistan-2026.json</c>: the 2024–2025 background
/// (seeded, with the Herof anchors), a quiet January 2026 before it, and the hand-written live part. The committed
/// file is the product; <see cref="ScenarioGenerationTests"/> checks it is byte for byte what this makes, and
/// rewrites it when EW_REGENERATE_SCENARIO=1.
/// </summary>
internal static class ScenarioGenerator
{
    public const string Title = "Balochistan 2026: the coordinated attacks of 30-31 January 2026, with a 2024-2025 background (illustrative)";

    public const string Notice =
        "ILLUSTRATIVE DATA, NOT REAL INCIDENT RECORDS. Every incident, source report, report id, time and casualty figure in this file " +
        "was made up to demonstrate and test EarlyWarning. It is drawn from the published analysis named under sources: the 2024-2025 " +
        "background is generated so that its yearly totals match the figures the analysis cites, and the events of 29 January to " +
        "2 February 2026 follow the analysis's account (the places, the pre-emptive operations, three suicide bombers, 145 militants " +
        "and 17 security personnel plus one navy official killed over about 40 hours, the BLA's claim). Any other detail is invented: " +
        "do not cite it as fact.";

    public static readonly BackgroundTarget Year2024 = new(
        "2024", At(2024, 1, 1, 0, 0), At(2025, 1, 1, 0, 0), Attacks: 192, Deaths: 787 - 70, Elsewhere: 14, ElsewhereDeaths: 24,
        SecondSources: 10, Claims: 8, Corrections: 3, Rumours: 1);

    public static readonly BackgroundTarget Year2025 = new(
        "2025", At(2025, 1, 1, 0, 0), At(2026, 1, 1, 0, 0), Attacks: 257, Deaths: 956 - 22, Elsewhere: 19, ElsewhereDeaths: 29,
        SecondSources: 14, Claims: 10, Corrections: 3, Rumours: 1);

    public static readonly BackgroundTarget January = new(
        "2026-01", At(2026, 1, 1, 0, 0), At(2026, 1, 27, 0, 0), Attacks: 22, Deaths: 80, Elsewhere: 2, ElsewhereDeaths: 3,
        SecondSources: 2, Claims: 1, Corrections: 1, Rumours: 0);

    public static readonly ScenarioSources Sources = new(
        "Kashif Bangash, security analyst: analysis of the coordinated attacks in Balochistan of 30-31 January 2026, the security " +
        "response and the 2025 trend (the project's domain text, shared/domain/source-analysis-balochistan-2026.txt).",
        [
            "2024-2025 (background): the analysis cites fatalities rising from 787 in 2024 to 956 in 2025, terrorist attacks up 34 per cent, " +
            "and Khyber Pakhtunkhwa and Balochistan accounting for over 96 per cent of fatalities and almost 93 per cent of incidents. Here: " +
            "200 attacks in 2024 and 268 in 2025; the killed figures of all sides, one report per incident with its corrections, add up to " +
            "exactly 787 and 956; 93 per cent of the attacks and 97 per cent of the deaths are in the two provinces.",
            "Operation Herof: the first phase in August 2024 (highway security, police stations and army camps attacked) and 'Herof 2.0' " +
            "in May 2025, as the analysis lists them under significant attacks.",
            "29-30 January 2026: pre-emptive operations in north-eastern Quetta, Panjgur and Sherani, on intelligence of the planned " +
            "attacks (the Chief Minister, quoted in the analysis); no attack took place in north-eastern Quetta.",
            "30-31 January 2026: attacks in Gwadar, Quetta, Kalat, Kharan, Noshki, Bagh, Jhal Magsi, Panjgur, Tasp, Nag and Mashkeel; " +
            "145 militants including three suicide bombers killed over about 40 hours; 17 personnel of the Balochistan Police, Frontier " +
            "Corps and Counter-Terrorism Department and one navy official killed; civilians killed and wounded ('several'); the BLA's " +
            "claim, calling the attacks the second phase of 'Operation Herof'. Here the killed figures in Balochistan from the first attack " +
            "(23:50 on 30 January) to 40 hours later add up to exactly 145 militants and 18 security forces.",
        ],
        "tests/EarlyWarning.Sources.Scenario.Tests/Generation: seeded SplitMix64 (seeds 2024, 2025 and 2026) and hand-written parts. " +
        "Regenerate with EW_REGENERATE_SCENARIO=1 dotnet test tests/EarlyWarning.Sources.Scenario.Tests --filter ScenarioGenerationTests; " +
        "without the variable that test checks this file is byte for byte what the generator makes.");

    public static string Generate()
    {
        var builder = new ScenarioBuilder();
        var first = Herof.FirstPhase(builder);
        Check(first, 8, 70);
        Background.Generate(builder, new SplitMix(2024), Year2024);
        var second = Herof.SecondPhase(builder);
        Check(second, 11, 22);
        Background.Generate(builder, new SplitMix(2025), Year2025);
        Background.Generate(builder, new SplitMix(2026), January);
        January2026.Write(builder);
        return builder.ToJson(Title, Notice, Sources, January2026.LiveFrom);
    }

    // The yearly targets above subtract the anchors' share by hand; this keeps the two in step.
    private static void Check(Herof.Contribution contribution, int attacks, int deaths)
    {
        if (contribution.Attacks != attacks || contribution.Deaths != deaths)
            throw new InvalidOperationException($"The Herof anchors add {contribution.Attacks} attacks and {contribution.Deaths} deaths; the yearly targets assume {attacks} and {deaths}.");
    }
}
