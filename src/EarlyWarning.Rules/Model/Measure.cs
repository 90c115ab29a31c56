namespace EarlyWarning.Rules.Model;

/// <summary>What a severity step measures in the window where the pattern holds.</summary>
public enum Measure
{
    /// <summary>Incidents in the window.</summary>
    Incidents,
    /// <summary>Distinct values of the spread rule's field in the window (districts, by default).</summary>
    Distinct,
    /// <summary>Killed on all sides, summed over the window's incidents.</summary>
    Killed,
    /// <summary>A trend rule's ratio of window count to baseline expectation.</summary>
    Ratio,
    /// <summary>A trend rule's z-score.</summary>
    ZScore,
}
