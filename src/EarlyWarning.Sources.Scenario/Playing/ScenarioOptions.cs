namespace EarlyWarning.Sources.Scenario;

/// <summary>How to play a scenario.</summary>
public sealed record ScenarioOptions
{
    /// <summary>The scenario file to play, or null for the shipped one (<see cref="ScenarioFile.Default"/>).</summary>
    public string? File { get; init; }

    /// <summary>How much faster than real time live entries are played; <see cref="ScenarioSpeed.Default"/> unless set.</summary>
    public ScenarioSpeed Speed { get; init; } = ScenarioSpeed.Default;

    /// <summary>
    /// The scenario time live play starts from, instead of the file's <c>liveFrom</c>: entries before it are
    /// history, published at once; entries from it on are published on the clock.
    /// </summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Leave the history out: publish only the entries from the live start on.</summary>
    public bool OnlyLive { get; init; }
}
