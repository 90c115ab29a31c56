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

    /// <summary>
    /// How much of the file a reading connection maps into memory (<c>PRAGMA mmap_size</c>); 0 reads through system
    /// calls only. Reads of the mapped part skip a copy per page: a scan of a million events takes half the time
    /// (docs/decisions/0018). SQLite caps it at its build's limit (2 GiB less 64 KiB). The writer never maps.
    /// </summary>
    public long ReadMemoryMap { get; init; } = DefaultReadMemoryMap;

    public const long DefaultReadMemoryMap = 0x7fff0000;
}
