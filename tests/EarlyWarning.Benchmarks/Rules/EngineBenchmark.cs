using BenchmarkDotNet.Attributes;

namespace EarlyWarning.Benchmarks.Rules;

/// <summary>
/// The engine alone under BenchmarkDotNet: one operation is a whole history through a fresh engine
/// (<see cref="EngineRun.Run"/>). BenchmarkDotNet runs it in this process (the in-process toolchain), so the
/// histories built once by the suite are handed over in <see cref="Runs"/> instead of being rebuilt per process.
/// Public and not sealed: BenchmarkDotNet derives from the class it measures.
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmark
{
    /// <summary>The runs to measure, by name; set by the suite before BenchmarkDotNet starts.</summary>
    internal static IReadOnlyDictionary<string, EngineRun> Runs { get; set; } = new Dictionary<string, EngineRun>();

    public static IEnumerable<string> Names => Runs.Keys;

    [ParamsSource(nameof(Names))]
    public string History { get; set; } = "";

    [Benchmark]
    public long ApplyHistory() => Runs[History].Run().Events;
}
