namespace EarlyWarning.Benchmarks;

/// <summary>What SQLite and the disk under it can do without the store, measured beside it.</summary>
/// <param name="Fsync">4 KiB write + fsync loop on a file next to the store.</param>
/// <param name="Bandwidth">1 MiB write + fsync loop on the same file: durable MiB/s.</param>
/// <param name="Commit">Single-row INSERT + COMMIT loop into a copy of the events table: SQLite's own durable commit rate.</param>
/// <param name="InsertOneTransaction">Prepared INSERTs into a copy of the events table (all its indexes), all rows in one transaction.</param>
/// <param name="InsertKeyOnlyOneTransaction">The same into a table with only the INTEGER PRIMARY KEY.</param>
/// <param name="InsertCommitEvery100">The same as the first, committing every 100 rows: the batch scenario without the store.</param>
/// <param name="InsertCommitEvery100OtherIds">The same with the other kind of event ids than the run uses (random when the run uses time-ordered).</param>
/// <param name="Read">A plain SELECT over the store's events table in position order.</param>
public sealed record SqliteRawResults(
    OperationProbe Fsync,
    OperationProbe Bandwidth,
    OperationProbe Commit,
    Throughput InsertOneTransaction,
    Throughput InsertKeyOnlyOneTransaction,
    Throughput InsertCommitEvery100,
    Throughput InsertCommitEvery100OtherIds,
    Throughput Read);
