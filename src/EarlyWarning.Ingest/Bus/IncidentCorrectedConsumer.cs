using EarlyWarning.Contracts.Reports;
using EarlyWarning.ServiceDefaults.Bus;
using MassTransit;

namespace EarlyWarning.Ingest.Bus;

/// <summary>Applies a correction from the bus; see <see cref="BusRejections.RejectOrRetryAsync"/> for one that arrives before its report.</summary>
public sealed class IncidentCorrectedConsumer(IncidentIngest ingest, RejectionLog rejections, BusConfiguration bus, TimeProvider clock) : IConsumer<IncidentCorrected>
{
    public async Task Consume(ConsumeContext<IncidentCorrected> context)
    {
        var message = context.Message;
        var outcome = await ingest.CorrectAsync(message, context.MessageId?.ToString(), context.CancellationToken).ConfigureAwait(false);
        await BusRejections.RejectOrRetryAsync(rejections, bus.RetryLimit, BusRejections.Corrected, message?.SourceId, message?.ReportId, context, outcome, clock).ConfigureAwait(false);
    }
}
