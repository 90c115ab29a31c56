using EarlyWarning.Rules.Backtesting;

namespace EarlyWarning.Cli.Output;

/// <summary>What the summary line and the JSON count of a comparison with hindsight, counted once.</summary>
/// <param name="Hindsight">Warnings with hindsight.</param>
/// <param name="KnownInTime">Of those, known as recorded no later than the delay allowed after they fired.</param>
/// <param name="KnownLater">Of those, known later than that.</param>
/// <param name="MissedAsKnown">Of those, never raised as known.</param>
/// <param name="OnlyAsKnown">Warnings raised as known that hindsight does not have.</param>
/// <param name="LongestDelay">The longest delay of a warning known later, when there is one.</param>
internal sealed record HindsightCounts(int Hindsight, int KnownInTime, int KnownLater, int MissedAsKnown, int OnlyAsKnown, TimeSpan? LongestDelay)
{
    public static HindsightCounts Of(HindsightResult result, TimeSpan knownWithin)
    {
        var known = result.Warnings.Where(w => w.Outcome == HindsightOutcome.Known).ToList();
        var later = known.Where(w => w.Delay > knownWithin).ToList();
        return new HindsightCounts(
            result.Hindsight.Warnings.Count,
            known.Count - later.Count,
            later.Count,
            result.Warnings.Count(w => w.Outcome == HindsightOutcome.MissedAsKnown),
            result.Warnings.Count(w => w.Outcome == HindsightOutcome.OnlyAsKnown),
            later.Count > 0 ? later.Max(w => w.Delay) : null);
    }
}
