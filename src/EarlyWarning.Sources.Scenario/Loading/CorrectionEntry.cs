using EarlyWarning.Contracts.Reports;

namespace EarlyWarning.Sources.Scenario;

/// <summary>A source revises its earlier report: published as <see cref="IncidentCorrected"/>.</summary>
public sealed record CorrectionEntry(int Index, DateTimeOffset PublishAt, string? Incident, IncidentCorrected Correction)
    : ScenarioEntry(Index, PublishAt, Incident)
{
    public override string Kind => ScenarioEntryKinds.Corrected;

    public override object Message => Correction;

    public override string SourceId => Correction.SourceId;

    public override string ReportId => Correction.ReportId;
}
