namespace EarlyWarning.Benchmarks.Ingest;

/// <summary>The broker (or its management API) cannot be reached: the run stops with the reason, not a stack trace.</summary>
public sealed class InfrastructureUnavailableException(string message, Exception inner) : Exception(message, inner);
