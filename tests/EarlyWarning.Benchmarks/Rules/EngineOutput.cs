namespace EarlyWarning.Benchmarks.Rules;

/// <summary>The warning events one run of the engine over a history emitted, so a reader sees the rules did fire.</summary>
/// <param name="Raised">Warnings raised.</param>
/// <param name="Updated">Warning updates (new incidents in an episode, severity steps, suppression changes).</param>
/// <param name="Resolved">Warnings resolved (quiet, superseded, withdrawn).</param>
/// <param name="TooLate">Incidents that arrived behind the watermark and were not evaluated.</param>
/// <param name="RaisedByRule">Warnings raised, per rule id.</param>
public sealed record EngineOutput(long Raised, long Updated, long Resolved, long TooLate, IReadOnlyDictionary<string, long> RaisedByRule)
{
    public long Events => Raised + Updated + Resolved;
}
