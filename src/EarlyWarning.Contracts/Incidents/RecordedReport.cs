using EarlyWarning.Contracts.Reports;

namespace EarlyWarning.Contracts.Incidents;

/// <summary>One source's report as ingest accepted it: validated, vocabularies checked, text trimmed, placed.</summary>
/// <param name="SourceId">Who reported.</param>
/// <param name="ReportId">The source's id for the report.</param>
/// <param name="Reliability">Admiralty source reliability, A–F.</param>
/// <param name="Credibility">Admiralty information credibility, 1–6.</param>
/// <param name="ReportedAt">When the source reported.</param>
/// <param name="OccurredAt">When the incident happened, as the source says.</param>
/// <param name="OccurredAtPrecision"><c>exact</c>, <c>hour</c> or <c>day</c>.</param>
/// <param name="Location">Where, as placed in the gazetteer from what this source reported.</param>
/// <param name="IncidentType">What happened, one of the incident types.</param>
/// <param name="Targets">Whom or what it was aimed at.</param>
/// <param name="Casualties">This source's figures (after its own corrections, on later events).</param>
/// <param name="Perpetrator">The group the source names, or null.</param>
/// <param name="ClaimStatus"><c>claimed</c>, <c>attributed</c> or <c>unknown</c>.</param>
/// <param name="Text">The source's account, or null.</param>
public sealed record RecordedReport(
    string SourceId,
    string ReportId,
    string Reliability,
    int Credibility,
    DateTimeOffset ReportedAt,
    DateTimeOffset OccurredAt,
    string OccurredAtPrecision,
    IncidentLocation Location,
    string IncidentType,
    IReadOnlyList<string> Targets,
    Casualties Casualties,
    string? Perpetrator,
    string ClaimStatus,
    string? Text);
