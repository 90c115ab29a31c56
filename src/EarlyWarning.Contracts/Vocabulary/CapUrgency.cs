namespace EarlyWarning.Contracts.Vocabulary;

/// <summary>CAP 1.2 <c>urgency</c>.</summary>
public static class CapUrgency
{
    /// <summary>Responsive action should be taken immediately.</summary>
    public const string Immediate = "Immediate";

    /// <summary>Responsive action should be taken soon (within the next hour).</summary>
    public const string Expected = "Expected";

    /// <summary>Responsive action should be taken in the near future.</summary>
    public const string Future = "Future";

    /// <summary>Responsive action is no longer required.</summary>
    public const string Past = "Past";

    /// <summary>Urgency not known.</summary>
    public const string Unknown = "Unknown";

    /// <summary>Every value.</summary>
    public static IReadOnlyList<string> All { get; } = [Immediate, Expected, Future, Past, Unknown];
}
