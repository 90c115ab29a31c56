namespace EarlyWarning.Rules.Backtesting;

/// <summary>The back-test as known beside the one with hindsight, and each warning of either matched with the other.</summary>
/// <param name="AsKnown">The back-test in the order the store recorded the incidents (what <see cref="Backtester"/> reports).</param>
/// <param name="Hindsight">The back-test over the incidents as finally known, in occurred-at order, each taken as recorded when it occurred.</param>
/// <param name="Warnings">Every hindsight warning, matched or missed, in order of firing, then every warning only as known, in order of first holding.</param>
public sealed record HindsightResult(BacktestResult AsKnown, BacktestResult Hindsight, IReadOnlyList<HindsightWarning> Warnings);
