namespace EarlyWarning.EventStore;

/// <summary>Limits and tuning shared by every adapter.</summary>
public sealed record EventStoreOptions
{
    /// <summary>Largest event accepted, data and metadata together. Default 1 MiB.</summary>
    public int MaxEventSizeBytes { get; init; } = 1024 * 1024;

    /// <summary>
    /// Most events one commit may carry when concurrent appends are grouped (group commit).
    /// Larger groups amortise the fsync further but hold the writer longer.
    /// </summary>
    public int MaxEventsPerCommit { get; init; } = 4096;

    /// <summary>Events a subscription or $all read fetches per round trip.</summary>
    public int ReadPageSize { get; init; } = 1024;

    /// <summary>
    /// How often a live subscription looks for new events without being signalled. The signal covers
    /// this process's appends (and PostgreSQL's NOTIFY other processes'); the poll covers writers it cannot hear.
    /// </summary>
    public TimeSpan LivePollInterval { get; init; } = TimeSpan.FromMilliseconds(500);
}
