using EarlyWarning.Contracts.Incidents;
using EarlyWarning.Ingest.Pipeline;
using MassTransit;

namespace EarlyWarning.Ingest.Bus;

internal static class BusRejections
{
    public const string Reported = "incident-reported";
    public const string Corrected = "incident-corrected";
    public const string Retracted = "incident-retracted";
    public const string Unreadable = "unreadable";

    public static ReportRejected Of(string messageType, string? sourceId, string? reportId, ConsumeContext context, IngestOutcome outcome, TimeProvider clock) =>
        new(messageType, sourceId, reportId, context.MessageId?.ToString(), outcome.Errors, null, clock.GetUtcNow());

    /// <summary>
    /// Records a rejection. A correction or retraction of a report not recorded yet may simply have overtaken
    /// its report on the bus (consumers run concurrently), so it is retried while the endpoint's retries last,
    /// and recorded as rejected only on the last attempt.
    /// </summary>
    public static async Task RejectOrRetryAsync(RejectionLog rejections, int retryLimit, string messageType, string? sourceId, string? reportId, ConsumeContext context, IngestOutcome outcome, TimeProvider clock)
    {
        if (outcome.IsAccepted)
            return;
        if (outcome.Status == IngestStatus.UnknownReport && context.GetRetryAttempt() < retryLimit)
            throw new ReportNotYetRecordedException(outcome.Errors[0].Message);
        await rejections.RecordAsync(Of(messageType, sourceId, reportId, context, outcome, clock), context.MessageId, context.CancellationToken).ConfigureAwait(false);
    }
}
