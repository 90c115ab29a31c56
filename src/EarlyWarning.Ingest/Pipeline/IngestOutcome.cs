using EarlyWarning.Contracts.Incidents;

namespace EarlyWarning.Ingest.Pipeline;

/// <summary>The answer to a source: what became of its message, and the incident it concerns.</summary>
/// <param name="Status">What happened.</param>
/// <param name="IncidentId">The incident the message went to, or was already in; null when rejected.</param>
/// <param name="Position">The store position of the event recorded for it; null when nothing was recorded.</param>
/// <param name="Errors">Why it was rejected; empty otherwise.</param>
public sealed record IngestOutcome(IngestStatus Status, string? IncidentId, long? Position, IReadOnlyList<FieldError> Errors)
{
    public bool IsAccepted => Status is not (IngestStatus.Rejected or IngestStatus.UnknownReport or IngestStatus.Conflict);

    public static IngestOutcome Rejected(IReadOnlyList<FieldError> errors) => new(IngestStatus.Rejected, null, null, errors);

    public static IngestOutcome Duplicate(string incidentId) => new(IngestStatus.Duplicate, incidentId, null, []);
}
