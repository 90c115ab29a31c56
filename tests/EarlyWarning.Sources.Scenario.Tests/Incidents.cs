using EarlyWarning.Contracts.Reports;

namespace EarlyWarning.Sources.Scenario.Tests;

/// <summary>
/// One incident of a scenario as its ground truth has it: the reports sharing an <c>incident</c> key. Its figures
/// are its first report's with that report's corrections applied, which is how the scenario counts "one report
/// per incident"; an incident every report of which was retracted is withdrawn and counts for nothing.
/// </summary>
internal sealed record ScenarioIncident(string Key, IncidentReported First, IReadOnlyList<IncidentReported> Reports, Casualties Casualties, bool Withdrawn)
{
    public int Killed => (Casualties.SecurityForces?.Killed ?? 0) + (Casualties.Civilians?.Killed ?? 0) + (Casualties.Militants?.Killed ?? 0);

    public string Type => First.IncidentType;

    public DateTimeOffset OccurredAt => First.OccurredAt;

    public static IReadOnlyList<ScenarioIncident> Of(ScenarioFile scenario)
    {
        var corrections = scenario.Messages.OfType<CorrectionEntry>().ToLookup(c => (c.SourceId, c.ReportId), c => c.Correction);
        var retracted = scenario.Messages.OfType<RetractionEntry>().Select(r => (r.SourceId, r.ReportId)).ToHashSet();
        return scenario.Messages.OfType<ReportEntry>()
            .GroupBy(r => r.Incident ?? throw new InvalidOperationException($"messages[{r.Index}] has no incident key."))
            .Select(g =>
            {
                var first = g.First().Report;
                var casualties = corrections[(first.SourceId, first.ReportId)].Aggregate(first.Casualties ?? Casualties.None, (c, correction) => Apply(c, correction.Casualties));
                var withdrawn = g.All(r => retracted.Contains((r.SourceId, r.ReportId)));
                return new ScenarioIncident(g.Key, first, g.Select(r => r.Report).ToList(), casualties, withdrawn);
            })
            .ToList();
    }

    // A correction's null side or figure keeps the earlier value (IncidentCorrected's contract).
    private static Casualties Apply(Casualties earlier, Casualties? revised) => revised is null
        ? earlier
        : new Casualties(Side(earlier.SecurityForces, revised.SecurityForces), Side(earlier.Civilians, revised.Civilians), Side(earlier.Militants, revised.Militants));

    private static SideCasualties? Side(SideCasualties? earlier, SideCasualties? revised) => revised is null
        ? earlier
        : new SideCasualties(revised.Killed ?? earlier?.Killed, revised.Injured ?? earlier?.Injured);
}
