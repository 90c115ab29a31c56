using EarlyWarning.Contracts.Reports;
using EarlyWarning.EventStore;

namespace EarlyWarning.Ingest.Pipeline;

internal sealed class CorrectionWork(IncidentCorrected correction, EventMetadata metadata) : IngestWork(metadata)
{
    public IncidentCorrected Correction { get; } = correction;
}
