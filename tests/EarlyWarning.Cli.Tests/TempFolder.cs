namespace EarlyWarning.Cli.Tests;

/// <summary>A folder of one test's own under the temp directory, deleted with what is in it.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Directory.CreateDirectory(Path);
    }

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ew-cli-tests", Guid.NewGuid().ToString("N"));

    public string Write(string name, string content)
    {
        var path = System.IO.Path.Combine(Path, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
