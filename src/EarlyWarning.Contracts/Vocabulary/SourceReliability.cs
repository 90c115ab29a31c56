namespace EarlyWarning.Contracts.Vocabulary;

/// <summary>NATO Admiralty code, source reliability: A (completely reliable) to F (reliability cannot be judged).</summary>
public static class SourceReliability
{
    /// <summary>The grades, best first.</summary>
    public static IReadOnlyList<string> Grades { get; } = ["A", "B", "C", "D", "E", "F"];

    /// <summary>Whether <paramref name="grade"/> is one of A–F.</summary>
    public static bool IsValid(string? grade) => grade is { Length: 1 } && grade[0] is >= 'A' and <= 'F';

    /// <summary>0 for A (best) to 5 for F; F means "cannot be judged", not "worst", but it ranks last when choosing a figure.</summary>
    public static int Rank(string grade) => grade[0] - 'A';
}
