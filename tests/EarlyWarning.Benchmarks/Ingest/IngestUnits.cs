using EarlyWarning.Contracts;
using EarlyWarning.Contracts.Incidents;
using EarlyWarning.Contracts.Reports;
using EarlyWarning.EventStore;
using EarlyWarning.Ingest.Correlation;
using EarlyWarning.Ingest.Validation;

namespace EarlyWarning.Benchmarks.Ingest;

/// <summary>
/// The appends ingest makes for a new incident, built the way its loop builds them (the report's
/// <c>ReportAccepted</c> on its own stream and <c>IncidentRecorded</c> on the incident's, both "no stream"),
/// so the bare store can be measured on exactly ingest's write pattern and event sizes.
/// </summary>
public static class IngestUnits
{
    public static IReadOnlyList<StreamAppend[]> Build(IReadOnlyList<(Guid MessageId, IncidentReported Report)> reports, ReportValidator validator)
    {
        var registry = ContractTypes.CreateRegistry();
        var units = new List<StreamAppend[]>(reports.Count);
        foreach (var (messageId, message) in reports)
        {
            var report = validator.Validate(message).Value ?? throw new InvalidOperationException($"Generated report {message.ReportId} is invalid.");
            var incidentId = EventIds.New().ToString("N");
            var summary = Consolidation.Summarize(incidentId, [report], new HashSet<ReportKey>());
            var metadata = new EventMetadata { CorrelationId = messageId.ToString(), CausationId = messageId.ToString(), Source = report.SourceId };
            units.Add(
            [
                new StreamAppend(IncidentStreams.Report(report.SourceId, report.ReportId), ExpectedRevision.NoStream,
                    [registry.ToEventData(new ReportAccepted(report.SourceId, report.ReportId, incidentId, false), EventIds.New(), metadata)]),
                new StreamAppend(IncidentStreams.Incident(incidentId), ExpectedRevision.NoStream,
                    [registry.ToEventData(new IncidentRecorded(incidentId, report, summary), EventIds.New(), metadata)]),
            ]);
        }
        return units;
    }
}
