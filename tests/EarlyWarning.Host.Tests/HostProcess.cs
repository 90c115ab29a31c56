using EarlyWarning.Testing;

namespace EarlyWarning.Host.Tests;

/// <summary>The host started with <c>dotnet EarlyWarning.Host.dll</c> in a fresh working folder, as a user would.</summary>
public sealed class HostProcess : IDisposable
{
    private HostProcess(ChildProcess process, string folder, int port)
    {
        Process = process;
        Folder = folder;
        Port = port;
    }

    public ChildProcess Process { get; }

    /// <summary>The working folder the host was started in: ./data is under it.</summary>
    public string Folder { get; }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public static HostProcess Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, int? port = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ew-host-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        // A test that names its own --port (or a fixed one) keeps it; otherwise a free port avoids collisions.
        var given = arguments.ToList();
        var chosen = port ?? Ports.Free();
        var args = port is null && !given.Contains("--port") ? given.Concat(["--port", chosen.ToString(System.Globalization.CultureInfo.InvariantCulture)]) : given;
        var process = ChildProcess.Start(BuiltProgram.Locate("src", "EarlyWarning.Host"), args, folder, environment);
        return new HostProcess(process, folder, chosen);
    }

    /// <summary>Runs the host to its exit and returns the code, for options that must stop it.</summary>
    public static async Task<(int ExitCode, IReadOnlyList<string> Errors, IReadOnlyList<string> Output)> RunToExitAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var host = Start(arguments, environment);
        var code = await host.Process.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (code, host.Process.Errors, host.Process.Output);
    }

    public async Task<HttpResponseMessage> WaitForHealthAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (Process.HasExited)
                throw new InvalidOperationException($"The host exited with {Process.ExitCode}: {string.Join('\n', Process.Errors)}");
            try
            {
                return await client.GetAsync(new Uri(BaseAddress, "/health"));
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    public void Dispose()
    {
        Process.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
