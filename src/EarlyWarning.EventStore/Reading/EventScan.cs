using System.Text;

namespace EarlyWarning.EventStore;

/// <summary>A scan of <c>$all</c> made of <see cref="IEventReader.ReadAllAsync"/>: what a store without a cheaper one does.</summary>
public static class EventScan
{
    public static async Task<GlobalPosition> ByReadingAsync(
        IEventReader reader, GlobalPosition after, int maxCount, EventFilter? filter, IEventVisitor visitor, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        var position = after;
        await foreach (var recorded in reader.ReadAllAsync(after, maxCount, filter, cancellationToken).ConfigureAwait(false))
        {
            visitor.Visit(new EventView(recorded.Position, Encoding.UTF8.GetBytes(recorded.Type), recorded.Data.Span, recorded.RecordedAt));
            position = recorded.Position;
        }
        return position;
    }
}
