using System.Collections.Concurrent;
using EarlyWarning.Contracts.Reports;
using EarlyWarning.Sources.Feed.Acled;
using EarlyWarning.Sources.Feed.Importing;
using EarlyWarning.Sources.Feed.Mapping;
using Xunit;

namespace EarlyWarning.Sources.Feed.Tests.Importing;

public sealed class FeedImporterTests
{
    private static (ImportPlan Plan, string Problems) Plan(string text)
    {
        var problems = new StringWriter { NewLine = "\n" };
        var importer = new FeedImporter(new AcledMapper(ReportDefaults.Acled, Gazetteer.Gazetteer.Default, FixedClock.April2026), problems);
        return (importer.Plan(AcledCsvReader.Open(new StringReader(text))), problems.ToString());
    }

    [Fact]
    public void unmappable_and_malformed_rows_are_reported_with_the_line_they_start_on_and_the_rest_kept_in_order()
    {
        var text = AcledFile.Text(
            AcledFile.Row() with { EventIdCnty = "PAK1", Notes = "two\nlines" },
            AcledFile.Row() with { EventIdCnty = "PAK2", Country = "India" },
            AcledFile.Row() with { EventIdCnty = "PAK3" })
            + "PAK4,only,three\n"
            + AcledFile.Text(AcledFile.Row() with { EventIdCnty = "PAK5" }).Split('\n', 2)[1];

        var (plan, problems) = Plan(text);

        Assert.Equal(5, plan.RowsRead);
        Assert.Equal(2, plan.Unmappable);
        Assert.Equal(["PAK1", "PAK3", "PAK5"], plan.Reports.Select(r => r.ReportId));
        Assert.Equal(
            "line 4: country is India, not Pakistan: the feed imports incidents in Pakistan only\n"
            + $"line 6: malformed CSV: 3 fields where the header has {AcledFile.Columns.Count}; a comma or a quote is missing or extra\n",
            problems);
    }

    [Fact]
    public void a_repeated_event_id_is_reported_not_published_twice()
    {
        var (plan, problems) = Plan(AcledFile.Text(AcledFile.Row(), AcledFile.Row() with { Fatalities = "5" }));
        Assert.Single(plan.Reports);
        Assert.Equal("line 3: event_id_cnty PAK100 repeats line 2; only the first is published\n", problems);
    }

    [Fact]
    public async Task every_report_is_published()
    {
        var reports = Enumerable.Range(1, 50).Select(i => Report($"PAK{i}")).ToList();
        var publisher = new RecordingPublisher();

        var published = await FeedImporter.PublishAsync(reports, publisher, concurrency: 8, CancellationToken.None);

        Assert.Equal(50, published);
        Assert.Equal(reports.Select(r => r.ReportId).Order(), publisher.Published.Select(r => r.ReportId).Order());
    }

    [Fact]
    public async Task a_failed_publish_stops_the_import_and_says_how_many_were_published()
    {
        var reports = Enumerable.Range(1, 10).Select(i => Report($"PAK{i}")).ToList();
        var publisher = new RecordingPublisher(failOn: "PAK4");

        var error = await Assert.ThrowsAsync<PublishFailedException>(() => FeedImporter.PublishAsync(reports, publisher, concurrency: 1, CancellationToken.None));

        Assert.Equal(3, error.Published);
        Assert.Equal("publishing stopped after 3 of 10 reports: broker gone", error.Message);
    }

    private static IncidentReported Report(string id) =>
        ((Mapped)new AcledMapper(ReportDefaults.Acled, Gazetteer.Gazetteer.Default, FixedClock.April2026).Map(AcledFile.Row() with { EventIdCnty = id })).Report;

    private sealed class RecordingPublisher(string? failOn = null) : IReportPublisher
    {
        public ConcurrentBag<IncidentReported> Published { get; } = [];

        public async Task PublishAsync(IncidentReported report, CancellationToken cancellationToken)
        {
            await Task.Yield();
            if (report.ReportId == failOn)
                throw new IOException("broker gone");
            Published.Add(report);
        }
    }
}
