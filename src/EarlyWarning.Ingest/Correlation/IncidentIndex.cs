using EarlyWarning.Contracts.Incidents;
using EarlyWarning.Contracts.Vocabulary;

namespace EarlyWarning.Ingest.Correlation;

/// <summary>
/// Ingest's in-memory view of the incidents recorded so far, built from the incident streams: which incident
/// each report went to (to answer a duplicate without touching the store), and the incidents of each district
/// sorted by time (to find the incident a new report corroborates). Only the ingest loop touches it.
/// </summary>
internal sealed class IncidentIndex
{
    private readonly Dictionary<string, IncidentState> _incidents = new(StringComparer.Ordinal);
    private readonly Dictionary<ReportKey, string> _reports = [];
    private readonly Dictionary<string, List<IncidentState>> _byDistrict = new(StringComparer.Ordinal);

    // Corroboration may move an incident's summary time away from its anchor (a more reliable report says
    // otherwise); the search around a report's time is widened by the largest such move seen so far.
    private TimeSpan _maxDrift = TimeSpan.Zero;

    public int IncidentCount => _incidents.Count;

    public int ReportCount => _reports.Count;

    public IncidentState? Find(string incidentId) => _incidents.GetValueOrDefault(incidentId);

    public string? IncidentOf(ReportKey report) => _reports.GetValueOrDefault(report);

    /// <summary>Folds one incident-stream event in; events of other types are ignored.</summary>
    public void Apply(object @event, long revision)
    {
        switch (@event)
        {
            case IncidentRecorded recorded:
                var created = new IncidentState(recorded.IncidentId, recorded.Report.OccurredAt);
                created.Reports.Add(recorded.Report);
                _incidents[created.Id] = created;
                Insert(recorded.Report.Location.DistrictId, created);
                Finish(created, recorded.Report, recorded.Incident, revision);
                break;
            case IncidentCorroborated corroborated when Find(corroborated.IncidentId) is { } incident:
                incident.Reports.Add(corroborated.Report);
                Finish(incident, corroborated.Report, corroborated.Incident, revision);
                break;
            case ReportCorrected corrected when Find(corrected.IncidentId) is { } incident:
                var at = incident.IndexOf(IncidentState.Key(corrected.Report));
                if (at >= 0)
                    incident.Reports[at] = corrected.Report;
                incident.Corrections.Add(new ReportKey(corrected.SourceId, corrected.CorrectionId));
                Finish(incident, corrected.Report, corrected.Incident, revision);
                break;
            case ReportRetracted retracted when Find(retracted.IncidentId) is { } incident:
                incident.Retracted.Add(new ReportKey(retracted.SourceId, retracted.ReportId));
                incident.Summary = retracted.Incident;
                incident.Revision = revision;
                break;
        }
    }

    /// <summary>Forgets an incident, so it can be rebuilt from its stream after a failed append.</summary>
    public void Forget(string incidentId)
    {
        if (!_incidents.Remove(incidentId, out var incident))
            return;
        foreach (var report in incident.Reports)
            _reports.Remove(IncidentState.Key(report));
        if (_byDistrict.TryGetValue(incident.Reports[0].Location.DistrictId, out var list))
            list.Remove(incident);
    }

    public void ForgetReport(ReportKey report) => _reports.Remove(report);

    public void RememberReport(ReportKey report, string incidentId) => _reports[report] = incidentId;

    /// <summary>
    /// The incident a report describes, if one is known: same district, compatible type, occurred-at within
    /// the window (widened by both times' imprecision), not withdrawn, no report from the same source (a source
    /// that sends two reports describes two events), and not at a different known place. The nearest in time wins.
    /// </summary>
    public IncidentState? FindMatch(RecordedReport report, TimeSpan window)
    {
        if (!_byDistrict.TryGetValue(report.Location.DistrictId, out var list))
            return null;
        // The widest a match can be: the window, both times' imprecision (a candidate's at most a day), and drift.
        var reach = window + TimePrecision.Slack(report.OccurredAtPrecision) + TimePrecision.Slack(TimePrecision.Day) + _maxDrift;
        var start = LowerBound(list, report.OccurredAt - reach);
        IncidentState? best = null;
        var bestDistance = TimeSpan.MaxValue;
        for (var i = start; i < list.Count && list[i].Anchor <= report.OccurredAt + reach; i++)
        {
            var candidate = list[i];
            var summary = candidate.Summary;
            if (summary.Withdrawn || candidate.HasReportFrom(report.SourceId) || !TypeCompatibility.Compatible(summary.IncidentType, report.IncidentType))
                continue;
            if (report.Location.PlaceId is { } place && summary.Location.PlaceId is { } known && place != known)
                continue;
            var distance = (summary.OccurredAt - report.OccurredAt).Duration();
            var allowed = window + TimePrecision.Slack(summary.OccurredAtPrecision) + TimePrecision.Slack(report.OccurredAtPrecision);
            if (distance <= allowed && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    private void Finish(IncidentState incident, RecordedReport report, IncidentSummary summary, long revision)
    {
        _reports[IncidentState.Key(report)] = incident.Id;
        incident.Summary = summary;
        incident.Revision = revision;
        var drift = (summary.OccurredAt - incident.Anchor).Duration();
        if (drift > _maxDrift)
            _maxDrift = drift;
    }

    private void Insert(string districtId, IncidentState incident)
    {
        if (!_byDistrict.TryGetValue(districtId, out var list))
            _byDistrict[districtId] = list = [];
        // Reports mostly arrive in time order, so this is nearly always an append.
        var at = list.Count;
        while (at > 0 && list[at - 1].Anchor > incident.Anchor)
            at--;
        list.Insert(at, incident);
    }

    private static int LowerBound(List<IncidentState> list, DateTimeOffset anchor)
    {
        int low = 0, high = list.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (list[mid].Anchor < anchor)
                low = mid + 1;
            else
                high = mid;
        }
        return low;
    }
}
