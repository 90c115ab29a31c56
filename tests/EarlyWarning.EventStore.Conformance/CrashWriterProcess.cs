using System.Diagnostics;

namespace EarlyWarning.EventStore.Conformance;

/// <summary>
/// The crash-writer child process: appends in a loop and prints <c>ack {eventId}</c> after each append the
/// store acknowledged. Tests kill it with SIGKILL and then look for every acknowledged event.
/// </summary>
public sealed class CrashWriterProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<Guid> _acknowledged = [];
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _errors = [];

    private CrashWriterProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
                return;
            if (e.Data.StartsWith("ack ", StringComparison.Ordinal) && Guid.TryParse(e.Data.AsSpan(4), out var id))
            {
                lock (_acknowledged)
                    _acknowledged.Add(id);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_errors)
                    _errors.Add(e.Data);
            }
        };
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => _exited.TrySetResult();
    }

    public int AcknowledgedCount
    {
        get
        {
            lock (_acknowledged)
                return _acknowledged.Count;
        }
    }

    public IReadOnlyList<Guid> Acknowledged
    {
        get
        {
            lock (_acknowledged)
                return _acknowledged.ToList();
        }
    }

    public string Errors
    {
        get
        {
            lock (_errors)
                return string.Join('\n', _errors);
        }
    }

    public static CrashWriterProcess Start(IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Locate());
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the crash writer.");
        var writer = new CrashWriterProcess(process);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return writer;
    }

    public async Task WaitForAcknowledgementsAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (AcknowledgedCount < count)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The crash writer exited early with code {_process.ExitCode}: {Errors}");
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The crash writer acknowledged {AcknowledgedCount} of {count} appends in time. {Errors}");
            await Task.Delay(2);
        }
    }

    /// <summary>SIGKILL: no chance to flush, close or roll back anything.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _exited.Task.WaitAsync(TimeSpan.FromSeconds(30));
        _process.WaitForExit();
    }

    public void Dispose() => _process.Dispose();

    /// <summary>The writer's build output sits beside this test project's, same configuration and framework.</summary>
    private static string Locate()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = output.Name;
        var configuration = output.Parent!.Name;
        var tests = output.Parent.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(tests, "EarlyWarning.EventStore.CrashWriter", "bin", configuration, framework, "EarlyWarning.EventStore.CrashWriter.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"The crash writer is not built at {path}; build the solution first.", path);
    }
}
