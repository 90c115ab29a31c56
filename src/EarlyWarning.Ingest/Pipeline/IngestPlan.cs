using EarlyWarning.EventStore;
using EarlyWarning.Ingest.Correlation;

namespace EarlyWarning.Ingest.Pipeline;

/// <summary>What the loop decided for one work: the appends that record it and what the source will be told.</summary>
internal sealed record IngestPlan(IngestWork Work, StreamAppend[] Appends, IngestStatus Status, string IncidentId, ReportKey? NewReport);
