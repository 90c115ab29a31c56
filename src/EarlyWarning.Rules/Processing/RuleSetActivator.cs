using EarlyWarning.Contracts.Rules;
using EarlyWarning.EventStore;
using EarlyWarning.Rules.Model;

namespace EarlyWarning.Rules.Processing;

/// <summary>Puts a validated rule set in force by recording it, unless the set in force already has its hash.</summary>
internal sealed class RuleSetActivator(IEventStore store, EventTypeRegistry registry, TimeProvider clock)
{
    /// <summary>The activation now in force: the one appended, or the earlier one with the same hash.</summary>
    public async Task<RuleSetActivated> EnsureActiveAsync(RuleSet ruleSet, string activatedBy, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (last, current) = await RuleSetHistory.LastAsync(store, registry, cancellationToken).ConfigureAwait(false);
            if (current?.Hash == ruleSet.Hash)
                return current;

            var activation = new RuleSetActivated(
                (current?.Version ?? 0) + 1, ruleSet.Hash, ruleSet.Rules.Select(r => r.Id).ToList(), ruleSet.Files, activatedBy, clock.GetUtcNow());
            var expected = last is null ? ExpectedRevision.NoStream : ExpectedRevision.Exact(last.Revision);
            try
            {
                await store.AppendAsync([new StreamAppend(RuleStreams.RuleSet, expected, [registry.ToEventData(activation, EventIds.New(), new EventMetadata { Source = activatedBy })])], null, cancellationToken).ConfigureAwait(false);
                return activation;
            }
            catch (WrongExpectedVersionException)
            {
                // Another instance activated a set meanwhile: look again, it may be this one.
            }
        }
    }
}
