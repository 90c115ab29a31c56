namespace EarlyWarning.Benchmarks;

/// <summary>What PostgreSQL and the disk can do without the store, measured beside it.</summary>
/// <param name="Fsync">4 KiB write + fsync loop on a file in the benchmark's data folder (the disk PostgreSQL's data is on, here).</param>
/// <param name="Bandwidth">1 MiB write + fsync loop on the same file: durable MiB/s.</param>
/// <param name="Commit">Single-row INSERT + COMMIT in a loop, plain Npgsql: PostgreSQL's own durable commit rate.</param>
/// <param name="UnnestOneTransaction">INSERT ... SELECT FROM unnest(...) of 100 rows per statement, all in one transaction.</param>
/// <param name="CopyOneTransaction">Binary COPY of all rows in one transaction.</param>
/// <param name="UnnestCommitEvery100">The unnest insert committing every statement: the batch scenario without the store.</param>
/// <param name="UnnestCommitEvery100OtherIds">The same with the other kind of event ids than the run uses (random when the run uses time-ordered).</param>
/// <param name="Read">A plain SELECT over the store's events table in position order.</param>
public sealed record PostgresRawResults(
    OperationProbe Fsync,
    OperationProbe Bandwidth,
    OperationProbe Commit,
    Throughput UnnestOneTransaction,
    Throughput CopyOneTransaction,
    Throughput UnnestCommitEvery100,
    Throughput UnnestCommitEvery100OtherIds,
    Throughput Read);
