namespace EarlyWarning.Benchmarks;

/// <summary>How many operations (events, rows, fsyncs) completed in how long, and the CPU the machine spent meanwhile.</summary>
public readonly record struct Throughput(long Count, TimeSpan Elapsed)
{
    public MachineUse? Machine { get; init; }

    public double PerSecond => Elapsed > TimeSpan.Zero ? Count / Elapsed.TotalSeconds : 0;

    /// <summary>This process's CPU time per operation: far less moved by what else the machine runs than the rate is.</summary>
    public double? OwnCpuMicrosecondsEach => Machine is { } machine && Count > 0 ? machine.Own * Elapsed.TotalMicroseconds / Count : null;

    /// <summary>KiB this process and the PostgreSQL server wrote per operation: what a commit costs the disk.</summary>
    public (double Own, double Postgres)? KibWrittenEach =>
        Machine is { } use && Count > 0 ? (use.OwnBytesWritten / 1024.0 / Count, use.PostgresBytesWritten / 1024.0 / Count) : null;

    public override string ToString() => $"{Format.Rate(PerSecond)} ({Format.Count(Count)} in {Elapsed.TotalSeconds:0.00} s)";
}
