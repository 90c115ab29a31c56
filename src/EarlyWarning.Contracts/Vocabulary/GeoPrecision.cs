namespace EarlyWarning.Contracts.Vocabulary;

/// <summary>How precise an incident's coordinates are (ACLED's geo_precision 1–3).</summary>
public static class GeoPrecision
{
    /// <summary>The site itself.</summary>
    public const string Exact = "exact";

    /// <summary>The named town or locality, or near it.</summary>
    public const string Near = "near";

    /// <summary>Only the district or a larger region: the coordinates are its centroid.</summary>
    public const string Region = "region";

    /// <summary>Every geo precision.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { Exact, Near, Region };
}
