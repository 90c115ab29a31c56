using MassTransit;
using MassTransit.Middleware;

namespace EarlyWarning.Ingest.Bus;

/// <summary>
/// Ingest's endpoints: named <c>ingest-…</c> so no other service shares the queue, and an error pipe that
/// records unreadable messages as rejections before they go to the <c>_error</c> queue.
/// </summary>
public sealed class IngestConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    private readonly UnreadableMessageFilter _unreadable;

    public IngestConsumerDefinition(UnreadableMessageFilter unreadable)
    {
        _unreadable = unreadable;
        var name = typeof(TConsumer).Name;
        EndpointName = "ingest-" + KebabCaseEndpointNameFormatter.Instance.SanitizeName(name.EndsWith("Consumer", StringComparison.Ordinal) ? name[..^"Consumer".Length] : name);
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<TConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.ConfigureError(error =>
        {
            error.UseFilter(_unreadable);
            error.UseFilter(new GenerateFaultFilter());
            error.UseFilter(new ErrorTransportFilter());
        });
    }
}
