using EarlyWarning.Contracts.Reports;
using EarlyWarning.ServiceDefaults.Bus;
using MassTransit;

namespace EarlyWarning.Ingest.Bus;

/// <summary>Applies a retraction from the bus; see <see cref="BusRejections.RejectOrRetryAsync"/> for one that arrives before its report.</summary>
public sealed class IncidentRetractedConsumer(IncidentIngest ingest, RejectionLog rejections, BusConfiguration bus, TimeProvider clock) : IConsumer<IncidentRetracted>
{
    public async Task Consume(ConsumeContext<IncidentRetracted> context)
    {
        var message = context.Message;
        var outcome = await ingest.RetractAsync(message, context.MessageId?.ToString(), context.CancellationToken).ConfigureAwait(false);
        await BusRejections.RejectOrRetryAsync(rejections, bus.RetryLimit, BusRejections.Retracted, message?.SourceId, message?.ReportId, context, outcome, clock).ConfigureAwait(false);
    }
}
