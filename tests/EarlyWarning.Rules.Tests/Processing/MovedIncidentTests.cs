using EarlyWarning.Contracts.Reports;
using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.Contracts.Warnings;

namespace EarlyWarning.Rules.Tests.Processing;

/// <summary>
/// An incident that a later report moves in time, through ingest, the rules service and the store as the host runs
/// them (docs/decisions/0019): the warning it raises at its new time is recorded beside the one it raised at its first.
/// </summary>
public sealed class MovedIncidentTests
{
    private static readonly DateTimeOffset Day = new(2026, 1, 30, 0, 0, 0, TimeSpan.Zero);

    private static IncidentReported Report(string sourceId, string reliability, DateTimeOffset occurredAt, string precision, string district, string type) => new(
        sourceId,
        "R-" + Guid.NewGuid().ToString("N")[..10],
        reliability,
        2,
        occurredAt.AddHours(1),
        occurredAt,
        precision,
        new ReportedLocation(null, district, null),
        type,
        [Targets.SecurityForces],
        new Casualties(SecurityForces: new SideCasualties(3, 5)),
        null,
        ClaimStatus.Unknown,
        null);

    [Fact]
    public async Task a_suicide_attack_first_known_to_the_day_and_later_to_the_hour_has_both_its_warnings_recorded()
    {
        await using var run = await RulesRun.StartAsync(rules: true);

        // "A suicide attack in Quetta on the 30th": placed at midnight, it raises the suicide-attack warning.
        var vague = await run.Ingest.ReportAsync(Report("acled", "C", Day, TimePrecision.Day, "Quetta", IncidentTypes.SuicideAttack), null);
        Assert.True(vague.IsAccepted, string.Join("; ", vague.Errors));
        // An attack in Peshawar the next morning: the watermark (24 hours behind) passes midnight and the first
        // warning's quiet period of six hours, which resolves it.
        Assert.True((await run.Ingest.ReportAsync(Report("police-peshawar", "B", Day.AddHours(31), TimePrecision.Exact, "Peshawar", IncidentTypes.ArmedAssault), null)).IsAccepted);
        await run.WaitForRulesAsync();

        // The army's report of the same attack, at 23:00: more reliable, so the incident is now at 23:00.
        var precise = await run.Ingest.ReportAsync(Report("ispr", "A", Day.AddHours(23), TimePrecision.Exact, "Quetta", IncidentTypes.SuicideAttack), null);
        Assert.Equal(vague.IncidentId, precise.IncidentId);
        await run.WaitForRulesAsync();

        var raised = (await run.WarningEventsAsync())
            .Select(e => run.Registry.Deserialize(e))
            .OfType<WarningRaised>()
            .Where(w => w.Warning.RuleId == "suicide-attack" && w.Warning.FirstIncidentId == vague.IncidentId)
            .ToList();
        Assert.Equal([Day, Day.AddHours(23)], raised.Select(w => w.Warning.FirstHeldAt));
        Assert.Equal(2, raised.Select(w => w.Warning.WarningId).Distinct().Count());
    }
}
