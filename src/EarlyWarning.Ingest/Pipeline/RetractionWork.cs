using EarlyWarning.Contracts.Reports;
using EarlyWarning.EventStore;

namespace EarlyWarning.Ingest.Pipeline;

internal sealed class RetractionWork(IncidentRetracted retraction, EventMetadata metadata) : IngestWork(metadata)
{
    public IncidentRetracted Retraction { get; } = retraction;
}
