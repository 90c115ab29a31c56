namespace EarlyWarning.Cli.Tests;

/// <summary>What one run of <c>ew</c> did.</summary>
public sealed record EwRun(int ExitCode, IReadOnlyList<string> Output, IReadOnlyList<string> Errors)
{
    public string Stdout => string.Join('\n', Output);

    public string Stderr => string.Join('\n', Errors);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
