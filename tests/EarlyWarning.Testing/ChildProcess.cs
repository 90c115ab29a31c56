using System.Diagnostics;

namespace EarlyWarning.Testing;

/// <summary>A .NET program run as a real child process, with its output collected line by line.</summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];
    private readonly List<string> _errors = [];
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildProcess(Process process)
    {
        _process = process;
        process.EnableRaisingEvents = true;
        process.OutputDataReceived += (_, e) => Collect(_output, e.Data, OutputLine);
        process.ErrorDataReceived += (_, e) => Collect(_errors, e.Data, null);
        process.Exited += (_, _) => _exited.TrySetResult();
    }

    /// <summary>Called for each line of standard output as it arrives.</summary>
    public event Action<string>? OutputLine;

    public IReadOnlyList<string> Output => Snapshot(_output);

    public IReadOnlyList<string> Errors => Snapshot(_errors);

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static ChildProcess Start(string dll, IEnumerable<string> arguments, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null, Action<string>? onOutput = null) =>
        StartExecutable("dotnet", [dll, .. arguments], workingDirectory, environment, onOutput);

    /// <summary>Any program on the PATH (or at a path), e.g. <c>node</c>, with its output collected as a .NET program's is.</summary>
    public static ChildProcess StartExecutable(string executable, IEnumerable<string> arguments, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null, Action<string>? onOutput = null)
    {
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            info.Environment[key] = value;

        var process = new Process { StartInfo = info };
        var child = new ChildProcess(process);
        if (onOutput is not null)
            child.OutputLine += onOutput;
        if (!process.Start())
            throw new InvalidOperationException($"Could not start {executable}.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await _exited.Task.WaitAsync(timeout);
        await _process.WaitForExitAsync(); // drains the redirected output
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no chance to flush, close or roll back anything.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        await WaitForExitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>SIGTERM: what Ctrl+C or a service manager sends; the process may shut down cleanly.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    private void Collect(List<string> lines, string? line, Action<string>? notify)
    {
        if (line is null)
            return;
        lock (lines)
            lines.Add(line);
        notify?.Invoke(line);
    }

    private static List<string> Snapshot(List<string> lines)
    {
        lock (lines)
            return [.. lines];
    }
}
