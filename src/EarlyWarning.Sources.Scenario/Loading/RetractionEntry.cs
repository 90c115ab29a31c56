using EarlyWarning.Contracts.Reports;

namespace EarlyWarning.Sources.Scenario;

/// <summary>A source withdraws its earlier report: published as <see cref="IncidentRetracted"/>.</summary>
public sealed record RetractionEntry(int Index, DateTimeOffset PublishAt, string? Incident, IncidentRetracted Retraction)
    : ScenarioEntry(Index, PublishAt, Incident)
{
    public override string Kind => ScenarioEntryKinds.Retracted;

    public override object Message => Retraction;

    public override string SourceId => Retraction.SourceId;

    public override string ReportId => Retraction.ReportId;
}
