using System.Diagnostics;
using EarlyWarning.Contracts.Reports;
using EarlyWarning.EventStore;
using EarlyWarning.Ingest.Pipeline;
using EarlyWarning.Ingest.Validation;

namespace EarlyWarning.Ingest;

/// <summary>
/// The entry both channels call, HTTP and the bus: validate, then hand to the ingest loop and wait until the
/// outcome is durable. The caller's trace context goes into the events' metadata, so the rules that later
/// fire on an incident link back to the request or message that reported it.
/// </summary>
public sealed class IncidentIngest
{
    private readonly ReportValidator _validator;
    private readonly IngestPipeline _pipeline;

    internal IncidentIngest(ReportValidator validator, IngestPipeline pipeline)
    {
        _validator = validator;
        _pipeline = pipeline;
    }

    /// <summary>Completes once the index is loaded from the store and messages are decided.</summary>
    public Task Ready => _pipeline.Loaded;

    /// <summary>Every field error of a report, without submitting it: a batch is checked whole before any of it is recorded.</summary>
    public IReadOnlyList<Contracts.Incidents.FieldError> Check(IncidentReported? message) => _validator.Validate(message).Errors;

    public Task<IngestOutcome> ReportAsync(IncidentReported? message, string? correlationId, CancellationToken cancellationToken = default)
    {
        var validated = _validator.Validate(message);
        return validated.IsValid
            ? _pipeline.SubmitAsync(new ReportWork(validated.Value!, Metadata(message!.SourceId, correlationId)), cancellationToken)
            : Task.FromResult(IngestOutcome.Rejected(validated.Errors));
    }

    public Task<IngestOutcome> CorrectAsync(IncidentCorrected? message, string? correlationId, CancellationToken cancellationToken = default)
    {
        var validated = _validator.Validate(message);
        return validated.IsValid
            ? _pipeline.SubmitAsync(new CorrectionWork(validated.Value!, Metadata(message!.SourceId, correlationId)), cancellationToken)
            : Task.FromResult(IngestOutcome.Rejected(validated.Errors));
    }

    public Task<IngestOutcome> RetractAsync(IncidentRetracted? message, string? correlationId, CancellationToken cancellationToken = default)
    {
        var validated = _validator.Validate(message);
        return validated.IsValid
            ? _pipeline.SubmitAsync(new RetractionWork(validated.Value!, Metadata(message!.SourceId, correlationId)), cancellationToken)
            : Task.FromResult(IngestOutcome.Rejected(validated.Errors));
    }

    private static EventMetadata Metadata(string sourceId, string? correlationId) => new()
    {
        CorrelationId = correlationId,
        CausationId = correlationId,
        TraceParent = Activity.Current?.Id,
        TraceState = Activity.Current?.TraceStateString,
        Source = sourceId,
    };
}
