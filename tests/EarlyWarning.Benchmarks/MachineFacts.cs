using System.Diagnostics;
using System.Runtime;
using System.Runtime.InteropServices;

namespace EarlyWarning.Benchmarks;

/// <summary>
/// What the figures depend on, printed with them: cores, memory, runtime, and above all the disk, since
/// every durable commit waits for it. Each fact is best effort; a missing tool only loses its line.
/// </summary>
public static class MachineFacts
{
    public static IReadOnlyList<string> Describe(string dataDirectory)
    {
        // Runtime knobs that change the figures when set (e.g. the thread pool's spin-wait).
        var knobs = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(k => k.StartsWith("DOTNET_ThreadPool_", StringComparison.Ordinal) || k.StartsWith("DOTNET_gc", StringComparison.OrdinalIgnoreCase) || k.StartsWith("DOTNET_Tiered", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(k => $"{k}={Environment.GetEnvironmentVariable(k)}")
            .ToList();
        var facts = new List<string>
        {
            $"Cores: {Environment.ProcessorCount} ({CpuModel() ?? "unknown CPU"})",
            $"Memory: {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024):0.0} GiB",
            $"OS: {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})",
            $".NET: {RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC" +
                (knobs.Count == 0 ? ", no runtime settings from the environment" : $", environment: {string.Join(", ", knobs)}"),
            $"Code: {CodeVersion() ?? "unknown (not run from a git checkout)"}",
            $"Data folder: {dataDirectory}, on {Disk(dataDirectory) ?? "an unknown disk"}",
            $"Load average at start (1/5/15 min): {LoadAverage()}",
        };
        return facts;
    }

    /// <summary>The 1, 5 and 15 minute load averages: the quickest sign that something else was busy during a run.</summary>
    public static string LoadAverage()
    {
        try
        {
            return string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    /// <summary>The filesystem under <paramref name="path"/>, from <c>df</c>, e.g. "ext4 on /dev/vda (252G, rotational: no)".</summary>
    public static string? Disk(string path)
    {
        var line = Run("df", "-hT", path)?.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        var fields = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields is not { Length: >= 7 })
            return null;
        var (device, type, size, mount) = (fields[0], fields[1], fields[2], fields[6]);
        var rotational = Rotational(device);
        return $"{type} on {device} mounted at {mount} ({size}{(rotational is null ? "" : $", rotational: {rotational}")})";
    }

    /// <summary>The commit measured, and whether the store's source differed from it: figures belong to a version.</summary>
    private static string? CodeVersion()
    {
        var commit = Run("git", "rev-parse", "--short", "HEAD")?.Trim();
        if (string.IsNullOrEmpty(commit))
            return null;
        var changed = Run("git", "status", "--porcelain", "--", "src")?.Split('\n', StringSplitOptions.RemoveEmptyEntries) ?? [];
        return changed.Length == 0
            ? $"commit {commit}, src/ unchanged"
            : $"commit {commit} with uncommitted changes in src/ ({string.Join(", ", changed.Select(l => l[3..].Trim()))})";
    }

    private static string? Rotational(string device)
    {
        var flag = Path.Combine("/sys/block", Path.GetFileName(device), "queue", "rotational");
        return File.Exists(flag) ? (File.ReadAllText(flag).Trim() == "1" ? "yes" : "no") : null;
    }

    private static string? CpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo")
                .FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?
                .Split(':', 2)[1].Trim();
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string? Run(string program, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in arguments)
                start.ArgumentList.Add(argument);
            using var process = Process.Start(start);
            if (process is null)
                return null;
            var output = process.StandardOutput.ReadToEnd();
            return process.WaitForExit(5_000) && process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
