using EarlyWarning.Contracts.Reports;

namespace EarlyWarning.Sources.Feed.Importing;

/// <summary>A file read and mapped, before anything is published.</summary>
/// <param name="RowsRead">Records after the header, blank lines not counted.</param>
/// <param name="Reports">The mapped reports, in the file's order.</param>
/// <param name="Unmappable">Rows reported as unmappable.</param>
internal sealed record ImportPlan(int RowsRead, IReadOnlyList<IncidentReported> Reports, int Unmappable);
