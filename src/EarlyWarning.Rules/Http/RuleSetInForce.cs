using EarlyWarning.Contracts.Rules;
using EarlyWarning.EventStore;
using EarlyWarning.Rules.Loading;
using EarlyWarning.Rules.Model;
using EarlyWarning.Rules.Processing;

namespace EarlyWarning.Rules.Http;

/// <summary>
/// The rule set in force is the last one activated in the store, not the files this process loaded: another
/// instance may have activated a newer set since, and the engine evaluates what the store says.
/// </summary>
internal static class RuleSetInForce
{
    /// <summary>The last <see cref="RuleSetActivated"/>, or null before the first activation.</summary>
    public static async Task<RuleSetActivated?> ReadAsync(IEventReader store, EventTypeRegistry registry, CancellationToken cancellationToken) =>
        (await RuleSetHistory.LastAsync(store, registry, cancellationToken).ConfigureAwait(false)).Activation;

    /// <summary>The rules of <paramref name="activation"/>: this process's own set when the hashes match, else parsed from the activation's files.</summary>
    /// <exception cref="RuleSetException">The activation's files do not load with this version of the rules.</exception>
    public static RuleSet Rules(RuleSetActivated activation, RuleSet loaded) =>
        activation.Hash == loaded.Hash ? loaded : RuleSetLoader.Load(activation.Files, Gazetteer.Gazetteer.Default);
}
