using EarlyWarning.Contracts.Incidents;
using EarlyWarning.Contracts.Reports;
using EarlyWarning.Contracts.Vocabulary;

namespace EarlyWarning.Ingest.Correlation;

/// <summary>
/// How an incident's summary follows from its reports (decision 0006). Every choice prefers the more reliable
/// source (Admiralty A before F), then the earlier report. Casualties: per side and figure, among the most
/// reliable reports that give the figure, the lowest value — ACLED's "most conservative estimate", so a
/// later exaggerated claim does not inflate the count, while each report keeps its own figures.
/// </summary>
internal static class Consolidation
{
    public static IncidentSummary Summarize(string incidentId, IReadOnlyList<RecordedReport> reports, IReadOnlySet<ReportKey> retracted)
    {
        // Most incidents have one report: the summary is that report, without sorting anything.
        if (reports.Count == 1 && retracted.Count == 0)
        {
            var only = reports[0];
            return new IncidentSummary(incidentId, only.OccurredAt, only.OccurredAtPrecision, only.Location, only.IncidentType, only.Targets,
                Casualties(reports), only.Perpetrator, only.ClaimStatus, [only.SourceId], only.Reliability, Withdrawn: false);
        }

        var active = reports.Where(r => !retracted.Contains(IncidentState.Key(r))).ToList();
        var withdrawn = active.Count == 0;
        // A withdrawn incident keeps the figures it had, so a reader still sees what was retracted.
        var basis = withdrawn ? reports.ToList() : active;
        var byReliability = basis
            .Select((report, order) => (report, order))
            .OrderBy(x => SourceReliability.Rank(x.report.Reliability))
            .ThenBy(x => x.order)
            .Select(x => x.report)
            .ToList();

        var timed = basis
            .Select((report, order) => (report, order))
            .OrderBy(x => SourceReliability.Rank(x.report.Reliability))
            .ThenBy(x => TimePrecision.Slack(x.report.OccurredAtPrecision))
            .ThenBy(x => x.order)
            .First().report;

        var located = basis
            .Select((report, order) => (report, order))
            .OrderBy(x => GeoRank(x.report.Location.GeoPrecision))
            .ThenBy(x => x.order)
            .First().report;

        var claim = basis.Any(r => r.ClaimStatus == ClaimStatus.Claimed) ? ClaimStatus.Claimed
            : basis.Any(r => r.ClaimStatus == ClaimStatus.Attributed) ? ClaimStatus.Attributed
            : ClaimStatus.Unknown;

        return new IncidentSummary(
            incidentId,
            timed.OccurredAt,
            timed.OccurredAtPrecision,
            located.Location,
            byReliability[0].IncidentType,
            basis.SelectMany(r => r.Targets).Distinct(StringComparer.Ordinal).ToList(),
            Casualties(basis),
            byReliability.FirstOrDefault(r => r.Perpetrator is not null)?.Perpetrator,
            claim,
            active.Select(r => r.SourceId).Distinct(StringComparer.Ordinal).ToList(),
            byReliability[0].Reliability,
            withdrawn);
    }

    public static Casualties Casualties(IReadOnlyList<RecordedReport> reports) => new(
        Side(reports, c => c.SecurityForces),
        Side(reports, c => c.Civilians),
        Side(reports, c => c.Militants));

    private static SideCasualties? Side(IReadOnlyList<RecordedReport> reports, Func<Casualties, SideCasualties?> side)
    {
        var killed = Figure(reports, r => side(r.Casualties)?.Killed);
        var injured = Figure(reports, r => side(r.Casualties)?.Injured);
        return killed is null && injured is null ? null : new SideCasualties(killed, injured);
    }

    private static int? Figure(IReadOnlyList<RecordedReport> reports, Func<RecordedReport, int?> figure)
    {
        var giving = reports.Where(r => figure(r) is not null).ToList();
        if (giving.Count == 0)
            return null;
        var best = giving.Min(r => SourceReliability.Rank(r.Reliability));
        return giving.Where(r => SourceReliability.Rank(r.Reliability) == best).Min(figure);
    }

    private static int GeoRank(string precision) => precision switch
    {
        GeoPrecision.Exact => 0,
        GeoPrecision.Near => 1,
        _ => 2,
    };
}
