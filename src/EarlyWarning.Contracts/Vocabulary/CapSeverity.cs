namespace EarlyWarning.Contracts.Vocabulary;

/// <summary>CAP 1.2 <c>severity</c>, most severe first.</summary>
public static class CapSeverity
{
    /// <summary>Extraordinary threat to life or property.</summary>
    public const string Extreme = "Extreme";

    /// <summary>Significant threat to life or property.</summary>
    public const string Severe = "Severe";

    /// <summary>Possible threat to life or property.</summary>
    public const string Moderate = "Moderate";

    /// <summary>Minimal to no known threat to life or property.</summary>
    public const string Minor = "Minor";

    /// <summary>Severity unknown.</summary>
    public const string Unknown = "Unknown";

    /// <summary>Every value, most severe first.</summary>
    public static IReadOnlyList<string> All { get; } = [Extreme, Severe, Moderate, Minor, Unknown];

    /// <summary>Higher is more severe: Extreme 4 … Minor 1, Unknown 0.</summary>
    public static int Rank(string severity) => severity switch
    {
        Extreme => 4,
        Severe => 3,
        Moderate => 2,
        Minor => 1,
        _ => 0,
    };
}
