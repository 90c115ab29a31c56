namespace EarlyWarning.Rules.Tests.Oracle;

/// <summary>What the oracle expects after a sequence of inputs: the warnings (by id, ordinal) and the event-time bookkeeping.</summary>
/// <param name="Warnings">One per episode, by id.</param>
/// <param name="Frontier">The greatest occurred-at of the events processed.</param>
/// <param name="Watermark">Frontier minus the allowed lateness.</param>
/// <param name="TooLate">Events that arrived before the watermark and changed nothing.</param>
/// <param name="Retired">
/// Only when evaluated with history: ids of open episodes that ceased to exist after some input, which the engine must
/// have resolved as superseded or withdrawn.
/// </param>
/// <param name="Undetermined">
/// Only when evaluated with history: ids on which docs/rules.md contradicts itself, left out of comparisons. "A resolved
/// warning is never reopened", yet the id is a function of the episode's first firing point, so (1) an episode can come
/// back with the id of a warning already resolved as superseded or withdrawn (a late report moves the first firing point
/// earlier and is then retracted; a correction moves an incident out of a filter and back), and (2) a trend episode already
/// resolved as quiet can still change, because a later incident of the same bucket, still within the lateness, changes
/// the counts every entry of the bucket sees.
/// </param>
public sealed record OracleResult(
    IReadOnlyList<ExpectedWarning> Warnings,
    DateTimeOffset? Frontier,
    DateTimeOffset? Watermark,
    long TooLate,
    IReadOnlySet<string> Retired,
    IReadOnlySet<string> Undetermined)
{
    /// <summary>Versions (not withdrawn) that a later version moved away from before the watermark, and that go on counting there.</summary>
    public int LeftBehind { get; init; }

    /// <summary>The warnings the documentation fully determines.</summary>
    public IReadOnlyList<ExpectedWarning> Determined => [.. Warnings.Where(w => !Undetermined.Contains(w.Id))];
}
