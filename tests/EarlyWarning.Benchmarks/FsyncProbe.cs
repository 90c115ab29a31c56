using System.Diagnostics;

namespace EarlyWarning.Benchmarks;

/// <summary>
/// What the disk gives a durable writer: write a block, fsync, repeat. With 4 KiB blocks this is the
/// flush rate a one-event commit can never beat (SQLite synchronous=FULL and PostgreSQL synchronous_commit=on
/// each wait for at least one such flush). With 1 MiB blocks it is the durable bandwidth, which bounds a
/// commit that writes many pages.
/// </summary>
public static class FsyncProbe
{
    public const int SmallBlock = 4 * 1024;
    public const int LargeBlock = 1024 * 1024;

    /// <summary>The 4 KiB loop: fsyncs per second, and each one's latency.</summary>
    public static OperationProbe MeasureFlushes(string directory, TimeSpan duration) => Measure(directory, duration, SmallBlock, blocks: 1024);

    /// <summary>The 1 MiB loop: its rate is MiB/s.</summary>
    public static OperationProbe MeasureBandwidth(string directory, TimeSpan duration) => Measure(directory, duration, LargeBlock, blocks: 64);

    private static OperationProbe Measure(string directory, TimeSpan duration, int blockSize, int blocks)
    {
        var path = Path.Combine(directory, "fsync-probe.bin");
        try
        {
            using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, bufferSize: 0);
            var block = new byte[blockSize];
            Random.Shared.NextBytes(block);
            // Like a WAL that has been recycled, the loop overwrites blocks already allocated: appending would
            // also journal a size change on every fsync, which the databases' logs mostly avoid.
            for (var i = 0; i < blocks; i++)
                file.Write(block);
            file.Flush(flushToDisk: true);

            Run(file, block, blocks, TimeSpan.FromMilliseconds(Math.Min(300, duration.TotalMilliseconds / 4)), latencies: null);
            var latencies = new List<long>();
            var machine = MachineMeter.Start();
            var rate = Run(file, block, blocks, duration, latencies);
            return new OperationProbe(rate with { Machine = machine.Stop() }, LatencySummary.FromStopwatchTicks(latencies));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static Throughput Run(FileStream file, byte[] block, int blocks, TimeSpan duration, List<long>? latencies)
    {
        var clock = Stopwatch.StartNew();
        long count = 0;
        while (clock.Elapsed < duration)
        {
            var started = Stopwatch.GetTimestamp();
            file.Position = count % blocks * block.Length;
            file.Write(block);
            // Flush(true) is fsync(2) on Linux: the flush a durable commit waits for.
            file.Flush(flushToDisk: true);
            latencies?.Add(Stopwatch.GetTimestamp() - started);
            count++;
        }
        return new Throughput(count, clock.Elapsed);
    }
}
