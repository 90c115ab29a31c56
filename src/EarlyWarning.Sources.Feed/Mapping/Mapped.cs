using EarlyWarning.Contracts.Reports;

namespace EarlyWarning.Sources.Feed.Mapping;

/// <summary>The row became a report that passed every check and may be published.</summary>
internal sealed record Mapped(IncidentReported Report) : MappingResult;
