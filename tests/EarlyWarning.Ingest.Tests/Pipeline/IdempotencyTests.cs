using EarlyWarning.Contracts.Incidents;
using System.Net.Http.Json;
using EarlyWarning.EventStore;
using EarlyWarning.Ingest.Pipeline;
using EarlyWarning.Testing;

namespace EarlyWarning.Ingest.Tests.Pipeline;

public sealed class IdempotencyTests
{
    [Fact]
    public async Task the_same_report_sent_100_times_at_once_is_one_incident()
    {
        await using var app = await IngestApp.StartAsync();
        var report = Reports.Tump();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => app.Ingest.ReportAsync(report, null))));

        Assert.Single(outcomes, o => o.Status == IngestStatus.Recorded);
        Assert.Equal(99, outcomes.Count(o => o.Status == IngestStatus.Duplicate));
        Assert.Single(outcomes.Select(o => o.IncidentId).Distinct());
        var events = await app.ReadAllAsync();
        Assert.Single(events.OfType<IncidentRecorded>());
        Assert.Single(events.OfType<ReportAccepted>());
        Assert.Equal(2, events.Count);
    }

    [Fact]
    public async Task a_report_sent_by_the_bus_and_over_http_is_one_incident()
    {
        await using var app = await IngestApp.StartAsync();
        var report = Reports.Tump();

        await app.Bus.Publish(report);
        var posted = await app.Http.PostAsJsonAsync("/api/incidents", report);
        await Eventually.TrueAsync(async () => (await app.ReadAllAsync()).OfType<ReportAccepted>().Any(), TimeSpan.FromSeconds(30), "the report from the bus");
        await app.Bus.Publish(report);
        await Task.Delay(500);

        Assert.True(posted.IsSuccessStatusCode);
        var events = await app.ReadAllAsync();
        Assert.Single(events.OfType<ReportAccepted>());
        Assert.Single(events.OfType<IncidentRecorded>());
        Assert.Empty(events.OfType<ReportRejected>());
    }

    [Fact]
    public async Task a_report_sent_again_after_a_restart_is_a_duplicate_naming_its_incident()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ew-ingest-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "store.db");
        var report = Reports.Tump();
        string incidentId;
        await using (var first = await IngestApp.StartAsync(sqlitePath: path))
            incidentId = (await first.Ingest.ReportAsync(report, null)).IncidentId!;

        await using var second = await IngestApp.StartAsync(sqlitePath: path);
        var again = await second.Ingest.ReportAsync(report, null);
        var corroboration = await second.Ingest.ReportAsync(Reports.Tump("dawn"), null);

        Assert.Equal((IngestStatus.Duplicate, incidentId), (again.Status, again.IncidentId));
        Assert.Equal((IngestStatus.Corroborated, incidentId), (corroboration.Status, corroboration.IncidentId));
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task copies_of_a_report_whose_append_fails_are_never_told_it_was_recorded()
    {
        await using var app = await IngestApp.StartAsync();
        var report = Reports.Tump();
        // Another writer recorded this report after ingest built its index: the first copy's append fails.
        await app.Store.AppendToStreamAsync(IncidentStreams.Report(report.SourceId, report.ReportId), ExpectedRevision.NoStream,
            app.Registry.ToEventData(new ReportAccepted(report.SourceId, report.ReportId, "other", false), EventIds.New()));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => app.Ingest.ReportAsync(report, null)));

        // Each copy is a duplicate of what the store holds, not of the incident the failed append would have made.
        Assert.All(outcomes, o => Assert.Equal((IngestStatus.Duplicate, "other"), (o.Status, o.IncidentId)));
        Assert.Empty((await app.ReadAllAsync()).OfType<IncidentRecorded>());
    }

    [Fact]
    public async Task two_ingest_instances_on_one_store_record_a_report_once()
    {
        await Testing.PostgresServer.EnsureReachableAsync();
        var schema = Testing.PostgresServer.NewSchemaName();
        await using var first = await IngestApp.StartAsync(postgresSchema: schema);
        await using var second = await IngestApp.StartAsync(postgresSchema: schema);
        var reports = Enumerable.Range(0, 50).Select(i => Reports.Tump("police-" + i)).ToList();

        // Each instance's index is blind to the other's appends: the report streams' "no stream" decides.
        var outcomes = await Task.WhenAll(reports.SelectMany(r => new[] { first.Ingest.ReportAsync(r, null), second.Ingest.ReportAsync(r, null) }));

        Assert.Equal(50, outcomes.Count(o => o.Status is IngestStatus.Recorded or IngestStatus.Corroborated));
        Assert.Equal(50, outcomes.Count(o => o.Status == IngestStatus.Duplicate));
        var events = await first.ReadAllAsync();
        Assert.Equal(50, events.OfType<ReportAccepted>().Count());
        Assert.Equal(50, events.OfType<IncidentRecorded>().Count() + events.OfType<IncidentCorroborated>().Count());
        foreach (var group in outcomes.GroupBy(o => o.IncidentId))
            Assert.Contains(events.OfType<ReportAccepted>(), a => a.IncidentId == group.Key);
    }
}
