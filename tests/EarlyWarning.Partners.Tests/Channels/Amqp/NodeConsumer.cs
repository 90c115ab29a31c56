using System.ComponentModel;
using EarlyWarning.Testing;

namespace EarlyWarning.Partners.Tests.Channels.Amqp;

/// <summary>
/// The partner's consumer in <c>Node/</c> (amqplib, pinned by its package-lock.json), installed with <c>npm ci</c> once
/// per test run into a folder of its own, and run with <c>node</c>. Node and npm missing is a failure, never a skip.
/// </summary>
internal static class NodeConsumer
{
    private static readonly string Source = Path.Combine(Repository.Root, "tests", "EarlyWarning.Partners.Tests", "Channels", "Amqp", "Node");
    private static readonly Lazy<Task<string>> Installed = new(InstallAsync);

    /// <summary>Runs <c>node consumer.js</c> with <paramref name="args"/> and waits for it to end.</summary>
    public static async Task<(int ExitCode, IReadOnlyList<string> Output, IReadOnlyList<string> Errors)> RunAsync(params string[] args)
    {
        var folder = await Installed.Value;
        using var node = Start("node", ["consumer.js", .. args], folder);
        var exitCode = await node.WaitForExitAsync(TimeSpan.FromMinutes(1));
        return (exitCode, node.Output, node.Errors);
    }

    private static async Task<string> InstallAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ew-node-consumer", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var file in new[] { "package.json", "package-lock.json", "consumer.js" })
            File.Copy(Path.Combine(Source, file), Path.Combine(folder, file));
        // npm ci installs exactly the lock file's versions, and fails rather than resolve anything anew.
        using var npm = Start("npm", ["ci", "--ignore-scripts", "--no-audit", "--no-fund"], folder);
        var exitCode = await npm.WaitForExitAsync(TimeSpan.FromMinutes(3));
        if (exitCode != 0)
            throw new InvalidOperationException($"npm ci in {folder} failed ({exitCode}): {string.Join('\n', npm.Errors.TakeLast(20))}");
        return folder;
    }

    private static ChildProcess Start(string program, string[] args, string folder)
    {
        try
        {
            return ChildProcess.StartExecutable(program, args, folder);
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException($"'{program}' is required for the partner consumer test and cannot be run ({ex.Message}); ./tests/run.sh installs nodejs and npm.", ex);
        }
    }
}
