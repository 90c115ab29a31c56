using System.Diagnostics;
using System.Globalization;

namespace EarlyWarning.Benchmarks;

/// <summary>
/// Snapshots of /proc at the start and end of a measurement: how much of the machine this process had, and
/// how many bytes it and the PostgreSQL server wrote. On a 2-core machine shared with builds, a figure taken
/// while "rest" was using a core is not the store's figure, and the table says so. Linux only; elsewhere it
/// reports nothing. Reading another user's /proc/[pid]/io needs root; without it the server's bytes read 0.
/// </summary>
public sealed class MachineMeter
{
    // USER_HZ: the unit of every counter in /proc/stat and /proc/[pid]/stat, 100 on every Linux that .NET runs on.
    private const double TicksPerSecond = 100;

    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly Snapshot? _start = Snapshot.Take();

    public static MachineMeter Start() => new();

    public MachineUse? Stop()
    {
        var end = Snapshot.Take();
        var seconds = Stopwatch.GetElapsedTime(_started).TotalSeconds;
        if (_start is null || end is null || seconds <= 0)
            return null;

        double Cores(long ticks) => Math.Max(0, ticks / TicksPerSecond / seconds);
        // A server process that started during the measurement counts from zero; one that ended is lost, which
        // only moves its last moments from "pg" to "rest".
        var postgres = end.Postgres.Sum(p => p.Value.Ticks - (_start.Postgres.TryGetValue(p.Key, out var s) ? s.Ticks : 0));
        var postgresBytes = end.Postgres.Sum(p => p.Value.Written - (_start.Postgres.TryGetValue(p.Key, out var s) ? s.Written : 0));
        var own = end.Own.Ticks - _start.Own.Ticks;
        var busy = end.Busy - _start.Busy;
        return new MachineUse(
            Cores(own), Cores(postgres), Cores(busy - own - postgres), Cores(end.Steal - _start.Steal),
            end.Own.Written - _start.Own.Written, Math.Max(0, postgresBytes));
    }

    private readonly record struct ProcessUse(long Ticks, long Written);

    private sealed record Snapshot(long Busy, long Steal, ProcessUse Own, Dictionary<int, ProcessUse> Postgres)
    {
        public static Snapshot? Take()
        {
            try
            {
                // cpu  user nice system idle iowait irq softirq steal guest guest_nice (guest is inside user)
                var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                long Field(int i) => long.Parse(cpu[i], CultureInfo.InvariantCulture);
                var busy = Field(1) + Field(2) + Field(3) + Field(6) + Field(7);

                var postgres = new Dictionary<int, ProcessUse>();
                foreach (var folder in Directory.EnumerateDirectories("/proc"))
                {
                    if (int.TryParse(Path.GetFileName(folder), out var pid) && Process(pid, "postgres") is { } use)
                        postgres[pid] = use;
                }
                return new Snapshot(busy, Field(8), Process(Environment.ProcessId, null) ?? default, postgres);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException)
            {
                return null;
            }
        }

        /// <summary>A process's utime + stime and write_bytes, if it is still there (and, when given, has that name).</summary>
        private static ProcessUse? Process(int pid, string? name)
        {
            string stat;
            try
            {
                stat = File.ReadAllText($"/proc/{pid}/stat");
            }
            catch (IOException)
            {
                return null;
            }
            // "pid (comm) state ppid ..." where comm may itself hold spaces and parentheses.
            var open = stat.IndexOf('(', StringComparison.Ordinal);
            var close = stat.LastIndexOf(')');
            if (open < 0 || close < open || (name is not null && stat[(open + 1)..close] != name))
                return null;
            var fields = stat[(close + 2)..].Split(' ');
            // fields[0] is field 3 (state) of proc(5); utime and stime are fields 14 and 15.
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return new ProcessUse(ticks, BytesWritten(pid));
        }

        private static long BytesWritten(int pid)
        {
            try
            {
                var line = File.ReadLines($"/proc/{pid}/io").FirstOrDefault(l => l.StartsWith("write_bytes:", StringComparison.Ordinal));
                return line is null ? 0 : long.Parse(line["write_bytes:".Length..].Trim(), CultureInfo.InvariantCulture);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return 0;
            }
        }
    }
}
