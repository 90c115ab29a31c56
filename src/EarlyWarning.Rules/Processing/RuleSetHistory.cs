using EarlyWarning.Contracts.Rules;
using EarlyWarning.EventStore;

namespace EarlyWarning.Rules.Processing;

/// <summary>The <c>ruleset</c> stream: which rule set is in force is what its last event says.</summary>
internal static class RuleSetHistory
{
    /// <summary>The last activation and the event that holds it, or nulls before the first activation.</summary>
    public static async Task<(RecordedEvent? Recorded, RuleSetActivated? Activation)> LastAsync(IEventReader store, EventTypeRegistry registry, CancellationToken cancellationToken)
    {
        await foreach (var recorded in store.ReadStreamAsync(RuleStreams.RuleSet, Direction.Backwards, StreamRevision.End, 1, cancellationToken).ConfigureAwait(false))
            return (recorded, registry.Deserialize(recorded) as RuleSetActivated);
        return (null, null);
    }
}
