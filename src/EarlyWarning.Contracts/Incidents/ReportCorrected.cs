using EarlyWarning.Contracts.Reports;
using EarlyWarning.EventStore;

namespace EarlyWarning.Contracts.Incidents;

/// <summary>A source corrected one of its reports of this incident (an <see cref="IncidentCorrected"/> accepted).</summary>
/// <param name="IncidentId">The incident the report belongs to.</param>
/// <param name="SourceId">The source that corrected its report.</param>
/// <param name="ReportId">The corrected report.</param>
/// <param name="CorrectionId">The source's id for the correction.</param>
/// <param name="CorrectedAt">When the source issued it.</param>
/// <param name="Report">The report as it reads after the correction.</param>
/// <param name="Note">Why, as the source says, or null.</param>
/// <param name="Incident">The incident as known now.</param>
[EventType("V1.ReportCorrected")]
public sealed record ReportCorrected(
    string IncidentId,
    string SourceId,
    string ReportId,
    string CorrectionId,
    DateTimeOffset CorrectedAt,
    RecordedReport Report,
    string? Note,
    IncidentSummary Incident);
