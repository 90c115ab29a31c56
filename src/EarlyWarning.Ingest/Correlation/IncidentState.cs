using EarlyWarning.Contracts.Incidents;

namespace EarlyWarning.Ingest.Correlation;

/// <summary>What ingest keeps of one incident: its reports as corrected, which are retracted, and the summary.</summary>
internal sealed class IncidentState(string id, DateTimeOffset anchor)
{
    public string Id { get; } = id;

    /// <summary>The first report's occurred-at; never changes, so the district index can stay sorted by it.</summary>
    public DateTimeOffset Anchor { get; } = anchor;

    /// <summary>The incident stream's last revision.</summary>
    public long Revision { get; set; } = -1;

    /// <summary>Every report in arrival order, with the latest version of each.</summary>
    public List<RecordedReport> Reports { get; } = [];

    public HashSet<ReportKey> Retracted { get; } = [];

    /// <summary>Corrections already applied, by (source, correction id): a correction sent again is a duplicate.</summary>
    public HashSet<ReportKey> Corrections { get; } = [];

    public IncidentSummary Summary { get; set; } = null!;

    public IEnumerable<RecordedReport> ActiveReports => Reports.Where(r => !Retracted.Contains(Key(r)));

    public bool HasReportFrom(string sourceId) => Reports.Any(r => r.SourceId == sourceId);

    public int IndexOf(ReportKey key) => Reports.FindIndex(r => Key(r) == key);

    public static ReportKey Key(RecordedReport report) => new(report.SourceId, report.ReportId);
}
