using EarlyWarning.Contracts.Incidents;
using EarlyWarning.EventStore;

namespace EarlyWarning.Ingest.Pipeline;

internal sealed class ReportWork(RecordedReport report, EventMetadata metadata) : IngestWork(metadata)
{
    public RecordedReport Report { get; } = report;
}
