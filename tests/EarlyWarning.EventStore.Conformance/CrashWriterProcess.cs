using EarlyWarning.Testing;

namespace EarlyWarning.EventStore.Conformance;

/// <summary>
/// The crash-writer child process: appends in a loop and prints <c>ack {eventId}</c> after each append the
/// store acknowledged. Tests kill it with SIGKILL and then look for every acknowledged event.
/// </summary>
public sealed class CrashWriterProcess : IDisposable
{
    private readonly List<Guid> _acknowledged = [];
    private readonly ChildProcess _process;

    private CrashWriterProcess(IEnumerable<string> arguments) =>
        _process = ChildProcess.Start(BuiltProgram.Locate("tests", "EarlyWarning.EventStore.CrashWriter"), arguments, onOutput: OnLine);

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

    public static CrashWriterProcess Start(IEnumerable<string> arguments) => new(arguments);

    private void OnLine(string line)
    {
        if (line.StartsWith("ack ", StringComparison.Ordinal) && Guid.TryParse(line.AsSpan(4), out var id))
        {
            lock (_acknowledged)
                _acknowledged.Add(id);
        }
    }

    public async Task WaitForAcknowledgementsAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (AcknowledgedCount < count)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The crash writer exited early with code {_process.ExitCode}: {string.Join('\n', _process.Errors)}");
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The crash writer acknowledged {AcknowledgedCount} of {count} appends in time. {string.Join('\n', _process.Errors)}");
            await Task.Delay(2);
        }
    }

    public Task KillAsync() => _process.KillAsync();

    public void Dispose() => _process.Dispose();
}
