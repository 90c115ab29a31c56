namespace EarlyWarning.Rules.Backtesting;

/// <summary>How far a back-test has read.</summary>
/// <param name="EventsRead">Incident events read so far.</param>
/// <param name="Position">Position in <c>$all</c> reached.</param>
/// <param name="Head">The store's head when the run started.</param>
/// <param name="WarningsRaised">Warnings raised so far.</param>
public sealed record BacktestProgress(long EventsRead, long Position, long Head, int WarningsRaised)
{
    public double Fraction => Head <= 0 ? 1 : Math.Clamp((double)Position / Head, 0, 1);
}
