namespace EarlyWarning.Sources.Scenario;

/// <summary>Publishing a scenario message failed; <see cref="Summary"/> says what had been published before it.</summary>
public sealed class ScenarioPlaybackException(ScenarioEntry entry, ScenarioSummary summary, Exception inner)
    : Exception($"publishing messages[{entry.Index}] ({entry.Kind} {entry.SourceId}/{entry.ReportId}) failed after {summary.Published} of {summary.Planned} messages were published: {inner.Message}", inner)
{
    /// <summary>The entry whose publishing failed; it may or may not have reached the broker.</summary>
    public ScenarioEntry Entry { get; } = entry;

    /// <summary>What was published (and confirmed) before the failure.</summary>
    public ScenarioSummary Summary { get; } = summary;
}
