namespace EarlyWarning.Testing;

/// <summary>
/// Finds a program project's build output beside the calling test project's (same configuration and framework),
/// so tests can run it as a real child process. The test project references it with ReferenceOutputAssembly=false
/// to have it built.
/// </summary>
public static class BuiltProgram
{
    /// <summary>The program's dll: <c>{folder}/{project}/bin/…/{assemblyName}.dll</c>, the assembly named after the project unless it sets its own <c>AssemblyName</c>.</summary>
    public static string Locate(string folder, string project, string? assemblyName = null)
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = output.Name;
        var configuration = output.Parent!.Name;
        var repository = output.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(repository, folder, project, "bin", configuration, framework, (assemblyName ?? project) + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"{project} is not built at {path}; build the solution first.", path);
    }
}
