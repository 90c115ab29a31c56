namespace EarlyWarning.Rules.Model;

/// <summary>What one open warning of a rule is per.</summary>
public enum GroupBy
{
    /// <summary>One group for the whole country (key <c>all</c>).</summary>
    All,
    Province,
    District,
    /// <summary>Per critical site; proximity rules only.</summary>
    Site,
}
