namespace EarlyWarning.Warnings.Cap;

/// <summary>CAP 1.2 <c>status</c> values this system sends.</summary>
public static class CapStatus
{
    /// <summary>Actionable by all targeted recipients.</summary>
    public const string Actual = "Actual";

    /// <summary>Actionable only by designated exercise participants: drills, demos and replays of recorded incidents.</summary>
    public const string Exercise = "Exercise";
}
