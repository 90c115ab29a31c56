using EarlyWarning.EventStore;

namespace EarlyWarning.Contracts.Reports;

/// <summary>
/// A source revises its own earlier report, most often its casualty figures. Fields left null keep the
/// report's earlier value. The correction lands on the stream of the incident the report belongs to.
/// </summary>
/// <param name="SourceId">The source of the report being corrected; only a report's own source may correct it.</param>
/// <param name="ReportId">The id of the report being corrected, as the source first sent it.</param>
/// <param name="CorrectionId">The source's id for this correction (1–128 printable characters); a correction sent again is applied once.</param>
/// <param name="CorrectedAt">When the source issued the correction.</param>
/// <param name="Casualties">The revised figures; a side or figure left null keeps the earlier value.</param>
/// <param name="IncidentType">A revised incident type, or null to keep it.</param>
/// <param name="Perpetrator">A revised perpetrator, or null to keep it.</param>
/// <param name="ClaimStatus">A revised claim status, or null to keep it.</param>
/// <param name="Note">Why the source corrects (at most 4,000 characters), or null.</param>
[EventType("V1.IncidentCorrected")]
public sealed record IncidentCorrected(
    string SourceId,
    string ReportId,
    string CorrectionId,
    DateTimeOffset CorrectedAt,
    Casualties? Casualties = null,
    string? IncidentType = null,
    string? Perpetrator = null,
    string? ClaimStatus = null,
    string? Note = null);
