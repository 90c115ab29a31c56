namespace EarlyWarning.EventStore;

/// <summary>What a scan of <c>$all</c> hands each event to (<see cref="IEventReader.ScanAllAsync"/>), in store order, on one thread.</summary>
public interface IEventVisitor
{
    void Visit(in EventView recorded);
}
