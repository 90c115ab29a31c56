namespace EarlyWarning.Benchmarks;

/// <summary>The goals set for the store; only the batch figure differs between the adapters.</summary>
public static class Targets
{
    public static readonly Target SqliteBatches = Target.AtLeast(200_000);
    public static readonly Target PostgresBatches = Target.AtLeast(50_000);
    public static readonly Target ConcurrentAppends = Target.AtLeast(20_000);
    public static readonly Target ReadAll = Target.AtLeast(500_000);
    public static readonly Target LiveLatencyP99 = Target.Below(10);
}
