using BenchmarkDotNet.Loggers;

namespace EarlyWarning.Benchmarks.Rules;

/// <summary>BenchmarkDotNet's log to stderr with the progress lines: stdout is the report.</summary>
public sealed class StderrLogger : ILogger
{
    public string Id => nameof(StderrLogger);

    public int Priority => 0;

    public void Write(LogKind logKind, string text) => Console.Error.Write(text);

    public void WriteLine() => Console.Error.WriteLine();

    public void WriteLine(LogKind logKind, string text) => Console.Error.WriteLine(text);

    public void Flush() => Console.Error.Flush();
}
