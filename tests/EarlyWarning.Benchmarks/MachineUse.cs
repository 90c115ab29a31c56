using System.Globalization;

namespace EarlyWarning.Benchmarks;

/// <summary>
/// What the machine did while a figure was measured. CPU is in cores (1.0 = one core busy the whole time):
/// this process, the PostgreSQL server (all of it: ours and anyone else's backends), everything else, and time
/// the hypervisor gave to other guests (steal). "Everything else" is the noise a shared machine adds. Bytes
/// written are what this process and the PostgreSQL server handed to the disk (page cache writes included).
/// </summary>
public sealed record MachineUse(double Own, double Postgres, double Rest, double Steal, long OwnBytesWritten, long PostgresBytesWritten)
{
    public override string ToString()
    {
        var text = $"us {Cores(Own)} · pg {Cores(Postgres)} · rest {Cores(Rest)}";
        return Steal >= 0.05 ? text + $" · steal {Cores(Steal)}" : text;
    }

    private static string Cores(double cores) => cores.ToString("0.00", CultureInfo.InvariantCulture);
}
