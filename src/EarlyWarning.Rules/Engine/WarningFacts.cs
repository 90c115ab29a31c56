using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.Contracts.Warnings;

namespace EarlyWarning.Rules.Engine;

/// <summary>
/// What a reader of a warning sees change: the fields <c>WarningUpdated.Changes</c> compares, taken from the last
/// snapshot or from the episode as it now stands, so an episode that changed nothing visible costs no snapshot.
/// </summary>
internal readonly record struct WarningFacts(
    string Severity,
    int IncidentCount,
    IReadOnlyList<WarningIncident> Incidents,
    IReadOnlyList<string> DistrictIds,
    int Killed,
    double Measure,
    DateTimeOffset FirstHeldAt,
    string FirstIncidentId,
    DateTimeOffset LastHeldAt,
    WarningSuppression? Suppression)
{
    // Indexed by CapSeverity.Rank: Unknown 0 … Extreme 4.
    private static readonly string[] SeverityNames = [CapSeverity.Unknown, CapSeverity.Minor, CapSeverity.Moderate, CapSeverity.Severe, CapSeverity.Extreme];

    public static WarningFacts Of(WarningSnapshot snapshot) => new(
        snapshot.Severity,
        snapshot.IncidentCount,
        snapshot.Incidents,
        snapshot.DistrictIds,
        snapshot.Killed,
        snapshot.Measure,
        snapshot.FirstHeldAt,
        snapshot.FirstIncidentId,
        snapshot.LastHeldAt,
        snapshot.Suppression);

    public static WarningFacts Of(Episode episode, WarningSuppression? suppression) => new(
        (uint)episode.SeverityRank < (uint)SeverityNames.Length ? SeverityNames[episode.SeverityRank] : CapSeverity.Unknown,
        episode.Members.Count,
        episode.Listed(),
        episode.DistrictIds,
        episode.Killed,
        episode.Peak,
        new DateTimeOffset(episode.First.Ticks, TimeSpan.Zero),
        episode.First.Id,
        new DateTimeOffset(episode.Last.Ticks, TimeSpan.Zero),
        suppression);
}
