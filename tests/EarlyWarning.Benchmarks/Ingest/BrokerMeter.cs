using System.Diagnostics;
using System.Globalization;

namespace EarlyWarning.Benchmarks.Ingest;

/// <summary>
/// The CPU the RabbitMQ broker (the Erlang VM, <c>beam.smp</c>) used during a figure, in cores. The machine
/// columns count it under "rest"; this says how much of "rest" the broker was. Linux only, like
/// <see cref="MachineMeter"/>; elsewhere, or with no broker running here, it reports nothing.
/// </summary>
public sealed class BrokerMeter
{
    private const double TicksPerSecond = 100;

    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly long? _start = Ticks();

    public static BrokerMeter Start() => new();

    public double? Stop()
    {
        var end = Ticks();
        var seconds = Stopwatch.GetElapsedTime(_started).TotalSeconds;
        return _start is { } start && end is { } stop && seconds > 0 ? Math.Max(0, (stop - start) / TicksPerSecond / seconds) : null;
    }

    public static string Describe(double? cores) => cores is { } c ? $"of which RabbitMQ {c.ToString("0.00", CultureInfo.InvariantCulture)}" : "";

    /// <summary>utime + stime of every beam.smp process, or null when there is none.</summary>
    private static long? Ticks()
    {
        long? total = null;
        try
        {
            foreach (var folder in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(folder), out _))
                    continue;
                string stat;
                try
                {
                    stat = File.ReadAllText(Path.Combine(folder, "stat"));
                }
                catch (IOException)
                {
                    continue;
                }
                var open = stat.IndexOf('(', StringComparison.Ordinal);
                var close = stat.LastIndexOf(')');
                if (open < 0 || close < open || stat[(open + 1)..close] != "beam.smp")
                    continue;
                var fields = stat[(close + 2)..].Split(' ');
                total = (total ?? 0) + long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
        return total;
    }
}
