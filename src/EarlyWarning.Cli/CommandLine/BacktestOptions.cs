namespace EarlyWarning.Cli.CommandLine;

/// <summary>What <c>ew backtest</c> was asked for.</summary>
/// <param name="Rules">A rule file or a directory of them.</param>
/// <param name="From">Report warnings first holding at or after this event time; null for the beginning.</param>
/// <param name="To">Evaluate incidents up to this event time; null for the end.</param>
/// <param name="Format">How to write the warnings.</param>
/// <param name="Output">A file to write them to instead of standard output.</param>
/// <param name="Store">The store to read; the services' default when null.</param>
/// <param name="Schema">The PostgreSQL schema.</param>
/// <param name="Progress">Show progress on standard error even when it is not a terminal.</param>
/// <param name="CompareHindsight">Compare with the same rule set over the incidents as finally known, in occurred-at order.</param>
/// <param name="KnownWithin">With <paramref name="CompareHindsight"/>: the delay after the attacks that counts as known in time.</param>
internal sealed record BacktestOptions(
    string Rules,
    DateTimeOffset? From,
    DateTimeOffset? To,
    OutputFormat Format,
    string? Output,
    StoreChoice? Store,
    string? Schema,
    bool Progress,
    bool CompareHindsight = false,
    TimeSpan KnownWithin = default)
{
    public static readonly TimeSpan DefaultKnownWithin = TimeSpan.FromHours(1);
}
