namespace EarlyWarning.Ingest.Bus;

/// <summary>A correction or retraction came before its report; thrown so the bus retries it later.</summary>
public sealed class ReportNotYetRecordedException(string message) : Exception(message);
