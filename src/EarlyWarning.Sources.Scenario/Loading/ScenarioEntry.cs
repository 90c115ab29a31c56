namespace EarlyWarning.Sources.Scenario;

/// <summary>
/// One message of a scenario: what to publish and when, in scenario time. A closed hierarchy, consumed with
/// <c>switch</c>: <see cref="ReportEntry"/>, <see cref="CorrectionEntry"/>, <see cref="RetractionEntry"/>.
/// </summary>
public abstract record ScenarioEntry
{
    // Closed hierarchy: only the three kinds in this assembly derive from it.
    private protected ScenarioEntry(int index, DateTimeOffset publishAt, string? incident)
    {
        Index = index;
        PublishAt = publishAt;
        Incident = incident;
    }

    /// <summary>The message's index in the file's <c>messages</c> array, from 0; errors name it.</summary>
    public int Index { get; }

    /// <summary>When, in scenario time, the message is published.</summary>
    public DateTimeOffset PublishAt { get; }

    /// <summary>
    /// The scenario's own key for the incident the message is about: several sources' reports of one attack
    /// share it. It is the ground truth tests of correlation compare with, and is not published.
    /// </summary>
    public string? Incident { get; }

    /// <summary><c>reported</c>, <c>corrected</c> or <c>retracted</c>; see <see cref="ScenarioEntryKinds"/>.</summary>
    public abstract string Kind { get; }

    /// <summary>The contract record published on the bus.</summary>
    public abstract object Message { get; }

    /// <summary>The source of the report (for a correction or retraction: of the report it revises).</summary>
    public abstract string SourceId { get; }

    /// <summary>The report's id (for a correction or retraction: the id of the report it revises).</summary>
    public abstract string ReportId { get; }
}
