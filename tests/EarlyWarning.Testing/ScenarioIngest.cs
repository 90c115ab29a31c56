using EarlyWarning.Contracts.Reports;
using EarlyWarning.Ingest;
using EarlyWarning.Ingest.Pipeline;
using EarlyWarning.Sources.Scenario;

namespace EarlyWarning.Testing;

/// <summary>Plays scenario messages straight into ingest, in publishing order, each answered before the next.</summary>
public static class ScenarioIngest
{
    /// <exception cref="InvalidOperationException">Ingest refused a message: the scenario and ingest disagree.</exception>
    public static async Task PlayAsync(IncidentIngest ingest, IEnumerable<ScenarioEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(ingest);
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            var outcome = entry.Message switch
            {
                IncidentReported report => await ingest.ReportAsync(report, null).ConfigureAwait(false),
                IncidentCorrected correction => await ingest.CorrectAsync(correction, null).ConfigureAwait(false),
                IncidentRetracted retraction => await ingest.RetractAsync(retraction, null).ConfigureAwait(false),
                _ => throw new InvalidOperationException(entry.Kind),
            };
            if (outcome.Status is IngestStatus.Rejected or IngestStatus.UnknownReport or IngestStatus.Conflict)
                throw new InvalidOperationException($"Scenario message {entry.Index} ({entry.Kind}) was not accepted: {outcome}");
        }
    }
}
