using EarlyWarning.Contracts.Reports;
using EarlyWarning.Sources.Feed.Acled;
using EarlyWarning.Sources.Feed.Mapping;

namespace EarlyWarning.Sources.Feed.Importing;

/// <summary>
/// Imports in two steps: <see cref="Plan"/> reads and maps the whole file, reporting each row it cannot map
/// as <c>line N: reason</c>; <see cref="PublishAsync"/> then publishes what mapped. A file that turns out
/// unreadable half way through therefore publishes nothing.
/// </summary>
internal sealed class FeedImporter(AcledMapper mapper, TextWriter problems)
{
    /// <exception cref="Csv.CsvFormatException">The file stops being CSV (a quote never closed).</exception>
    public ImportPlan Plan(AcledCsvReader reader)
    {
        var reports = new List<IncidentReported>();
        var firstLines = new Dictionary<string, int>(StringComparer.Ordinal);
        int read = 0, unmappable = 0;
        foreach (var record in reader.ReadRows())
        {
            read++;
            string? problem = null;
            switch (record)
            {
                case MalformedRecord malformed:
                    problem = malformed.Reason;
                    break;
                case AcledRow row:
                    switch (mapper.Map(row))
                    {
                        case Unmappable unmapped:
                            problem = unmapped.Reason;
                            break;
                        // Ingest records a (source, report id) once: a second row with the id would vanish there unseen.
                        case Mapped mapped when !firstLines.TryAdd(mapped.Report.ReportId, row.Line):
                            problem = $"event_id_cnty {mapped.Report.ReportId} repeats line {firstLines[mapped.Report.ReportId]}; only the first is published";
                            break;
                        case Mapped mapped:
                            reports.Add(mapped.Report);
                            break;
                    }
                    break;
            }
            if (problem is not null)
            {
                unmappable++;
                problems.WriteLine($"line {record.Line}: {problem}");
            }
        }
        return new ImportPlan(read, reports, unmappable);
    }

    /// <summary>Publishes every report, up to <paramref name="concurrency"/> awaiting confirmation at once.</summary>
    /// <returns>How many were published: all of them.</returns>
    /// <exception cref="PublishFailedException">A publish failed; the others in flight are abandoned.</exception>
    public static async Task<int> PublishAsync(IReadOnlyList<IncidentReported> reports, IReportPublisher publisher, int concurrency, CancellationToken cancellationToken)
    {
        var published = 0;
        try
        {
            await Parallel.ForEachAsync(
                reports,
                new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
                async (report, token) =>
                {
                    await publisher.PublishAsync(report, token);
                    Interlocked.Increment(ref published);
                });
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PublishFailedException(published, reports.Count, ex);
        }
        return published;
    }
}
