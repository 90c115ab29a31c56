namespace EarlyWarning.Cli.CommandLine;

/// <summary>How <c>ew backtest</c> writes its warnings.</summary>
internal enum OutputFormat
{
    /// <summary>Aligned columns for a person, then a summary line.</summary>
    Table,

    /// <summary>RFC 4180, a header row, one row per warning.</summary>
    Csv,

    /// <summary>One object: the rule set, the period, the counts and every warning's snapshot.</summary>
    Json,
}
