using EarlyWarning.Contracts.Reports;
using MassTransit;

namespace EarlyWarning.Ingest.Bus;

/// <summary>Ingests a report from the bus; a report ingest cannot accept becomes a recorded rejection.</summary>
public sealed class IncidentReportedConsumer(IncidentIngest ingest, RejectionLog rejections, TimeProvider clock) : IConsumer<IncidentReported>
{
    public async Task Consume(ConsumeContext<IncidentReported> context)
    {
        var message = context.Message;
        var outcome = await ingest.ReportAsync(message, context.MessageId?.ToString(), context.CancellationToken).ConfigureAwait(false);
        if (!outcome.IsAccepted)
            await rejections.RecordAsync(BusRejections.Of(BusRejections.Reported, message?.SourceId, message?.ReportId, context, outcome, clock), context.MessageId, context.CancellationToken).ConfigureAwait(false);
    }
}
