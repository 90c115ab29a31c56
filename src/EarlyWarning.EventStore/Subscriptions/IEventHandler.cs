namespace EarlyWarning.EventStore;

/// <summary>A subscriber's business logic. It appends through the context; the runner commits those appends with the checkpoint.</summary>
public interface IEventHandler
{
    ValueTask HandleAsync(RecordedEvent recorded, HandlerContext context, CancellationToken cancellationToken);
}
