namespace EarlyWarning.Contracts.Vocabulary;

/// <summary>NATO Admiralty code, information credibility: 1 (confirmed by other sources) to 6 (truth cannot be judged).</summary>
public static class InformationCredibility
{
    /// <summary>The best grade.</summary>
    public const int Confirmed = 1;

    /// <summary>The grade for information whose truth cannot be judged.</summary>
    public const int CannotBeJudged = 6;

    /// <summary>Whether <paramref name="grade"/> is 1–6.</summary>
    public static bool IsValid(int grade) => grade is >= Confirmed and <= CannotBeJudged;
}
