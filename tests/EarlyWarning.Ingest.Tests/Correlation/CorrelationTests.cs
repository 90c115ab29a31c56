using EarlyWarning.Contracts.Incidents;
using EarlyWarning.Contracts.Reports;
using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.Ingest.Pipeline;

namespace EarlyWarning.Ingest.Tests.Correlation;

/// <summary>Reports of one attack from different sources become one incident; anything else stays apart.</summary>
public sealed class CorrelationTests : IAsyncLifetime
{
    private IngestApp _app = null!;

    public async Task InitializeAsync() => _app = await IngestApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<IngestOutcome> Report(IncidentReported report)
    {
        var outcome = await _app.Ingest.ReportAsync(report, null);
        Assert.True(outcome.IsAccepted, string.Join("; ", outcome.Errors));
        return outcome;
    }

    [Fact]
    public async Task two_sources_for_one_attack_are_one_incident_with_two_reports()
    {
        var first = await Report(Reports.Tump("police-kech"));
        var second = await Report(Reports.Tump("dawn", occurredAt: Reports.Attack.AddMinutes(50)) with { IncidentType = IncidentTypes.SuicideAttack });

        Assert.Equal(IngestStatus.Recorded, first.Status);
        Assert.Equal((IngestStatus.Corroborated, first.IncidentId), (second.Status, second.IncidentId));
        var corroborated = Assert.Single((await _app.ReadAllAsync()).OfType<IncidentCorroborated>());
        Assert.Equal(["police-kech", "dawn"], corroborated.Incident.Sources);
    }

    public static TheoryData<string, Func<IncidentReported, IncidentReported>> Apart => new()
    {
        { "another district", r => r with { Location = new ReportedLocation("Balochistan", "Panjgur", null) } },
        { "another place in the district", r => r with { Location = new ReportedLocation("Balochistan", "Kech", "Turbat") } },
        { "three hours later", r => r with { OccurredAt = Reports.Attack.AddHours(3), ReportedAt = Reports.Attack.AddHours(4) } },
        { "a kidnapping", r => r with { IncidentType = IncidentTypes.Kidnapping } },
        { "a security operation", r => r with { IncidentType = IncidentTypes.SecurityOperation } },
        { "the same source again", r => r with { SourceId = "police-kech" } },
    };

    [Theory]
    [MemberData(nameof(Apart))]
    public async Task a_report_that_differs_is_a_new_incident(string _, Func<IncidentReported, IncidentReported> change)
    {
        var first = await Report(Reports.Tump("police-kech"));

        var second = await Report(change(Reports.Tump("dawn")));

        Assert.Equal(IngestStatus.Recorded, second.Status);
        Assert.NotEqual(first.IncidentId, second.IncidentId);
    }

    [Fact]
    public async Task a_report_known_only_to_the_day_corroborates_an_attack_of_that_day()
    {
        var first = await Report(Reports.Tump("police-kech"));
        var vague = Reports.Tump("acled", occurredAt: new DateTimeOffset(2026, 1, 30, 0, 0, 0, TimeSpan.Zero)) with { OccurredAtPrecision = TimePrecision.Day };

        var second = await Report(vague);

        Assert.Equal((IngestStatus.Corroborated, first.IncidentId), (second.Status, second.IncidentId));
    }

    [Fact]
    public async Task a_later_report_joins_the_nearest_attack_in_time()
    {
        var early = await Report(Reports.In("Quetta", sourceId: "police-a", occurredAt: Reports.Attack));
        var late = await Report(Reports.In("Quetta", sourceId: "police-b", occurredAt: Reports.Attack.AddMinutes(150)));
        var between = await Report(Reports.In("Quetta", sourceId: "dawn", occurredAt: Reports.Attack.AddMinutes(100)));

        Assert.NotEqual(early.IncidentId, late.IncidentId);
        Assert.Equal((IngestStatus.Corroborated, late.IncidentId), (between.Status, between.IncidentId));
    }

    [Fact]
    public async Task casualties_keep_each_source_and_consolidate_to_the_most_reliable_lowest_figure()
    {
        await Report(Reports.Tump("police-kech", reliability: "B") with { Casualties = new Casualties(new SideCasualties(2, 3), Militants: new SideCasualties(5)) });
        await Report(Reports.Tump("dawn", reliability: "B") with { Casualties = new Casualties(new SideCasualties(4, 1)) });
        await Report(Reports.Tump("bla-telegram", reliability: "E") with { Casualties = new Casualties(new SideCasualties(40), new SideCasualties(1)) });

        var events = await _app.ReadAllAsync();
        var incident = events.OfType<IncidentCorroborated>().Last().Incident;
        Assert.Equal(new SideCasualties(2, 1), incident.Casualties.SecurityForces);
        // Only the least reliable source gives civilian figures: its figure stands, it is all there is.
        Assert.Equal(new SideCasualties(1, null), incident.Casualties.Civilians);
        Assert.Equal(new SideCasualties(5, null), incident.Casualties.Militants);
        Assert.Equal("B", incident.BestReliability);
        var reports = events.OfType<IncidentCorroborated>().Select(e => e.Report).Prepend(events.OfType<IncidentRecorded>().Single().Report).ToList();
        Assert.Equal([2, 4, 40], reports.Select(r => r.Casualties.SecurityForces!.Killed!.Value));
    }

    [Fact]
    public async Task a_correction_revises_its_report_and_the_consolidated_figures()
    {
        var recorded = await Report(Reports.Tump("police-kech", reportId: "PK-1"));
        var correction = new IncidentCorrected("police-kech", "PK-1", "PK-1-c1", Reports.Attack.AddHours(8), new Casualties(new SideCasualties(Killed: 6)), Note: "Two more died in hospital.");

        var corrected = await _app.Ingest.CorrectAsync(correction, null);
        var again = await _app.Ingest.CorrectAsync(correction, null);

        Assert.Equal((IngestStatus.Corrected, recorded.IncidentId), (corrected.Status, corrected.IncidentId));
        Assert.Equal(IngestStatus.Duplicate, again.Status);
        var @event = Assert.Single((await _app.ReadAllAsync()).OfType<ReportCorrected>());
        Assert.Equal(new SideCasualties(6, 3), @event.Report.Casualties.SecurityForces);
        Assert.Equal(new SideCasualties(6, 3), @event.Incident.Casualties.SecurityForces);
        Assert.Equal("Two more died in hospital.", @event.Note);
    }

    [Fact]
    public async Task retracting_every_report_withdraws_the_incident_and_a_new_report_starts_a_new_one()
    {
        var recorded = await Report(Reports.Tump("police-kech", reportId: "PK-1"));
        await Report(Reports.Tump("dawn", reportId: "D-1"));

        var one = await _app.Ingest.RetractAsync(new IncidentRetracted("dawn", "D-1", Reports.Attack.AddHours(5), "Confused with the Turbat attack."), null);
        var both = await _app.Ingest.RetractAsync(new IncidentRetracted("police-kech", "PK-1", Reports.Attack.AddHours(6), "No attack took place."), null);
        var correctionOfRetracted = await _app.Ingest.CorrectAsync(new IncidentCorrected("dawn", "D-1", "D-1-c", Reports.Attack.AddHours(7), IncidentType: IncidentTypes.Bombing), null);
        var fresh = await Report(Reports.Tump("levies"));

        Assert.Equal((IngestStatus.Retracted, recorded.IncidentId), (one.Status, one.IncidentId));
        Assert.Equal(IngestStatus.Retracted, both.Status);
        Assert.Equal(IngestStatus.Conflict, correctionOfRetracted.Status);
        Assert.Equal(IngestStatus.Recorded, fresh.Status);
        var retractions = (await _app.ReadAllAsync()).OfType<ReportRetracted>().ToList();
        Assert.Equal([false, true], retractions.Select(r => r.Incident.Withdrawn));
        Assert.Equal(["police-kech"], retractions[0].Incident.Sources);
    }

    [Fact]
    public async Task a_correction_of_an_unknown_report_changes_nothing()
    {
        var outcome = await _app.Ingest.CorrectAsync(new IncidentCorrected("police-kech", "nope", "c1", Reports.Attack, IncidentType: IncidentTypes.Bombing), null);

        Assert.Equal(IngestStatus.UnknownReport, outcome.Status);
        Assert.Empty(await _app.ReadAllAsync());
    }
}
