namespace EarlyWarning.Benchmarks;

/// <summary>One raw measurement as listed under an adapter's table.</summary>
public sealed record RawLimitRow(string Measurement, string Result, string Machine)
{
    public static RawLimitRow Of(string measurement, Throughput result) => new(measurement, result.ToString(), ReportRow.MachineCell(result));

    public static RawLimitRow Of(string measurement, OperationProbe probe) =>
        new(measurement, $"{probe.Rate}; {probe.Latency}", ReportRow.MachineCell(probe.Rate));

    /// <summary>The 1 MiB fsync loop, whose rate is MiB/s.</summary>
    public static RawLimitRow Bandwidth(string measurement, OperationProbe probe) =>
        new(measurement, $"{Format.Count((long)probe.Rate.PerSecond)} MiB/s; each 1 MiB {probe.Latency}", ReportRow.MachineCell(probe.Rate));
}
