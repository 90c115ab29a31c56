namespace EarlyWarning.EventStore.Sqlite;

/// <summary>Where the SQLite store lives.</summary>
/// <param name="Path">The database file; its folder is created if missing.</param>
public sealed record SqliteEventStoreSettings(string Path)
{
    /// <summary>
    /// FULL: each commit is fsynced before the writer is told it is durable, so an acknowledged append
    /// survives power loss too, not just a process crash (docs/decisions/0003).
    /// </summary>
    public string Synchronous { get; init; } = "FULL";
}
