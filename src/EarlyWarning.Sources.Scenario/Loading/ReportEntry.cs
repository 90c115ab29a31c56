using EarlyWarning.Contracts.Reports;

namespace EarlyWarning.Sources.Scenario;

/// <summary>A source reports an incident: published as <see cref="IncidentReported"/>.</summary>
public sealed record ReportEntry(int Index, DateTimeOffset PublishAt, string? Incident, IncidentReported Report)
    : ScenarioEntry(Index, PublishAt, Incident)
{
    public override string Kind => ScenarioEntryKinds.Reported;

    public override object Message => Report;

    public override string SourceId => Report.SourceId;

    public override string ReportId => Report.ReportId;
}
