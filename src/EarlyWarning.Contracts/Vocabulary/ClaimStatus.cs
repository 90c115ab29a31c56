namespace EarlyWarning.Contracts.Vocabulary;

/// <summary>Whether the perpetrator is known, and how.</summary>
public static class ClaimStatus
{
    /// <summary>The perpetrator claimed the incident.</summary>
    public const string Claimed = "claimed";

    /// <summary>Officials or other sources attribute it; no claim.</summary>
    public const string Attributed = "attributed";

    /// <summary>Nobody is known to be responsible.</summary>
    public const string Unknown = "unknown";

    /// <summary>Every claim status.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { Claimed, Attributed, Unknown };
}
