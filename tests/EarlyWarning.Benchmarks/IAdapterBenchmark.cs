namespace EarlyWarning.Benchmarks;

/// <summary>One adapter's whole measurement: a fresh store, its raw limits, the five scenarios, and cleanup.</summary>
public interface IAdapterBenchmark
{
    string Name { get; }

    Task<AdapterReport> RunAsync();
}
