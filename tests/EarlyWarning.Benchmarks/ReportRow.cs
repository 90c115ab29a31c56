using System.Globalization;

namespace EarlyWarning.Benchmarks;

/// <summary>
/// One line of an adapter's table: a store figure beside its target, the raw limit it runs into, and how busy
/// the machine was meanwhile (the CPU column is what tells a slow store from a busy machine).
/// </summary>
public sealed record ReportRow(string Scenario, string Measured, string Target, string Verdict, string RawLimit, string Machine)
{
    public static ReportRow Of(string scenario, Throughput measured, Target target, string rawLimit, string? note = null) =>
        new(scenario, Format.Rate(measured.PerSecond) + (note is null ? "" : $" ({note})"), target.Text, target.Verdict(measured.PerSecond), rawLimit, MachineCell(measured));

    public static ReportRow Of(string scenario, LatencySummary measured, Target target, string rawLimit) =>
        new(scenario, measured.ToString(), target.Text, target.Verdict(measured.P99), rawLimit, measured.Machine?.ToString() ?? "n/a");

    /// <summary>The machine's CPU during a throughput figure, this process's CPU time per operation, and KiB written per operation.</summary>
    public static string MachineCell(Throughput measured)
    {
        if (measured.Machine is not { } machine || measured.OwnCpuMicrosecondsEach is not { } each || measured.KibWrittenEach is not { } written)
            return "n/a";
        return $"{machine}; us {Number(each)} µs/op; written us {Number(written.Own)} · pg {Number(written.Postgres)} KiB/op";
    }

    private static string Number(double value) => value.ToString(value < 100 ? "0.0" : "0", CultureInfo.InvariantCulture);
}
