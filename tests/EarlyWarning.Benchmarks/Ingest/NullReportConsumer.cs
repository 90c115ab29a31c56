using EarlyWarning.Contracts.Reports;
using MassTransit;

namespace EarlyWarning.Benchmarks.Ingest;

/// <summary>The raw bus's consumer: takes the same <see cref="IncidentReported"/> ingest takes, and does nothing with it.</summary>
public sealed class NullReportConsumer(Arrivals arrivals) : IConsumer<IncidentReported>
{
    public const string EndpointName = "bench-raw-incident-reported";

    public Task Consume(ConsumeContext<IncidentReported> context)
    {
        // Read the message, as ingest does: deserialising it is part of what the bus costs.
        GC.KeepAlive(context.Message);
        arrivals.Arrived(context.MessageId);
        return Task.CompletedTask;
    }
}
