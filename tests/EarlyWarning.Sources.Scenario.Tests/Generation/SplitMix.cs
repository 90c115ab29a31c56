namespace EarlyWarning.Sources.Scenario.Tests.Generation;

/// <summary>
/// SplitMix64: a tiny seeded generator whose sequence is fixed by its definition, unlike System.Random's,
/// which .NET does not promise to keep. Only +, −, ×, ÷ on doubles are used on its output (no Math.Exp or
/// Math.Log, whose last bit may differ between platforms), so the scenario regenerates byte for byte anywhere.
/// </summary>
internal sealed class SplitMix(ulong seed)
{
    private ulong state = seed;

    public ulong NextUInt64()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, <paramref name="maxExclusive"/>).</summary>
    public int Next(int maxExclusive) => (int)(NextUInt64() % (ulong)maxExclusive);

    /// <summary>Uniform in [<paramref name="min"/>, <paramref name="maxInclusive"/>].</summary>
    public int Between(int min, int maxInclusive) => min + Next(maxInclusive - min + 1);

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    public T Pick<T>(IReadOnlyList<(T Item, int Weight)> weighted)
    {
        var total = weighted.Sum(w => w.Weight);
        var roll = Next(total);
        foreach (var (item, weight) in weighted)
        {
            if (roll < weight)
                return item;
            roll -= weight;
        }
        throw new InvalidOperationException("Weights must be positive.");
    }
}
