using EarlyWarning.EventStore;

namespace EarlyWarning.Benchmarks.Partners;

/// <summary>One event of a <see cref="RecordedHistory"/>: the append that records it, and the contract record it holds (for counting kinds).</summary>
public sealed record RecordedHistoryEvent(StreamAppend Append, object Event);
