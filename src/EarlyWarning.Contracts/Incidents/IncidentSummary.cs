using EarlyWarning.Contracts.Reports;

namespace EarlyWarning.Contracts.Incidents;

/// <summary>
/// The incident as known after an event: what every reader (rules, dashboard, partners) needs without
/// replaying the incident's stream. Every event on an incident's stream carries it, so a reader keeps
/// only the latest one per incident. How the figures are consolidated from the reports is decision 0006.
/// </summary>
/// <param name="IncidentId">The incident's id.</param>
/// <param name="OccurredAt">When it happened: the time given by the most reliable, then most precise, then earliest report.</param>
/// <param name="OccurredAtPrecision">The precision of <paramref name="OccurredAt"/>.</param>
/// <param name="Location">Where: the first report's district; the most precise point any report gave.</param>
/// <param name="IncidentType">What happened, as the most reliable report says (the earliest among equals).</param>
/// <param name="Targets">Every target any active report names.</param>
/// <param name="Casualties">The consolidated figures: per side and figure, the lowest value among the most reliable reports that give one.</param>
/// <param name="Perpetrator">The group named by the most reliable report that names one, or null.</param>
/// <param name="ClaimStatus"><c>claimed</c> if any active report says so, else <c>attributed</c> if any does, else <c>unknown</c>.</param>
/// <param name="Sources">The sources of the active (not retracted) reports, in the order they arrived.</param>
/// <param name="BestReliability">The best Admiralty reliability among the active reports.</param>
/// <param name="Withdrawn">True when every report has been retracted: rules no longer count the incident.</param>
public sealed record IncidentSummary(
    string IncidentId,
    DateTimeOffset OccurredAt,
    string OccurredAtPrecision,
    IncidentLocation Location,
    string IncidentType,
    IReadOnlyList<string> Targets,
    Casualties Casualties,
    string? Perpetrator,
    string ClaimStatus,
    IReadOnlyList<string> Sources,
    string BestReliability,
    bool Withdrawn);
