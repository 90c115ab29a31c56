using Microsoft.Extensions.Hosting;

namespace EarlyWarning.Benchmarks.Ingest;

/// <summary>
/// Leaves Ctrl+C and SIGTERM to the process. The default console lifetime would take them for the host alone
/// and stop only its bus, leaving the benchmark waiting for reports that no longer arrive.
/// </summary>
public sealed class HostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
