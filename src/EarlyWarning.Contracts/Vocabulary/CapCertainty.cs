namespace EarlyWarning.Contracts.Vocabulary;

/// <summary>CAP 1.2 <c>certainty</c>.</summary>
public static class CapCertainty
{
    /// <summary>Determined to have occurred or to be ongoing.</summary>
    public const string Observed = "Observed";

    /// <summary>Likely (p &gt; ~50%).</summary>
    public const string Likely = "Likely";

    /// <summary>Possible but not likely (p &lt;= ~50%).</summary>
    public const string Possible = "Possible";

    /// <summary>Not expected to occur (p ~ 0).</summary>
    public const string Unlikely = "Unlikely";

    /// <summary>Certainty unknown.</summary>
    public const string Unknown = "Unknown";

    /// <summary>Every value.</summary>
    public static IReadOnlyList<string> All { get; } = [Observed, Likely, Possible, Unlikely, Unknown];
}
