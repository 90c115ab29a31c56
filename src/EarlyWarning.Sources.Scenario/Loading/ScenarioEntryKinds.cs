namespace EarlyWarning.Sources.Scenario;

/// <summary>The <c>kind</c> of a scenario message, as the file spells it.</summary>
public static class ScenarioEntryKinds
{
    /// <summary>An <c>IncidentReported</c>.</summary>
    public const string Reported = "reported";

    /// <summary>An <c>IncidentCorrected</c>.</summary>
    public const string Corrected = "corrected";

    /// <summary>An <c>IncidentRetracted</c>.</summary>
    public const string Retracted = "retracted";

    /// <summary>Every kind, in the order summaries list them.</summary>
    public static IReadOnlyList<string> All { get; } = [Reported, Corrected, Retracted];
}
