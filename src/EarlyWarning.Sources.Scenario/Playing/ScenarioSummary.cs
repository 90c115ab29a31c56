namespace EarlyWarning.Sources.Scenario;

/// <summary>What a playback published, every message counted only once the bus confirmed it.</summary>
/// <param name="RunId">The playback's id, sent in every message's <c>EarlyWarning-Scenario-Run</c> header.</param>
/// <param name="Reported">IncidentReported messages published.</param>
/// <param name="Corrected">IncidentCorrected messages published.</param>
/// <param name="Retracted">IncidentRetracted messages published.</param>
/// <param name="Planned">The messages the plan had to publish.</param>
/// <param name="Stopped">True when the playback was cancelled before the end.</param>
public sealed record ScenarioSummary(Guid RunId, int Reported, int Corrected, int Retracted, int Planned, bool Stopped)
{
    public int Published => Reported + Corrected + Retracted;

    /// <summary><c>published 412 messages (409 reported, 2 corrected, 1 retracted)</c>, or how far a stopped one got.</summary>
    public override string ToString()
    {
        var kinds = Kinds(new Dictionary<string, int>
        {
            [ScenarioEntryKinds.Reported] = Reported,
            [ScenarioEntryKinds.Corrected] = Corrected,
            [ScenarioEntryKinds.Retracted] = Retracted,
        });
        return Stopped
            ? $"stopped after {Published} of {Planned} messages ({kinds})"
            : $"published {Published} messages ({kinds})";
    }

    internal static string Kinds(IReadOnlyDictionary<string, int> counts) =>
        string.Join(", ", ScenarioEntryKinds.All.Select(k => $"{counts.GetValueOrDefault(k)} {k}"));

    internal ScenarioSummary Add(ScenarioEntry entry) => entry switch
    {
        ReportEntry => this with { Reported = Reported + 1 },
        CorrectionEntry => this with { Corrected = Corrected + 1 },
        RetractionEntry => this with { Retracted = Retracted + 1 },
        _ => throw new ArgumentOutOfRangeException(nameof(entry), entry.Kind, "Unknown kind."),
    };
}
