namespace EarlyWarning.Ingest.Correlation;

/// <summary>A report's identity and idempotency key: the source and the source's own id.</summary>
public readonly record struct ReportKey(string SourceId, string ReportId)
{
    public override string ToString() => $"{SourceId}/{ReportId}";
}
