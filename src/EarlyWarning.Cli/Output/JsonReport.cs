using System.Text.Json;
using EarlyWarning.Rules.Backtesting;

namespace EarlyWarning.Cli.Output;

/// <summary>One JSON object: the rule set, the period, the counts, and every warning with its whole snapshot.</summary>
internal static class JsonReport
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <param name="output">Where to write.</param>
    /// <param name="result">The back-test.</param>
    /// <param name="from">The --from given, or null for the beginning.</param>
    /// <param name="to">The --to given, or null for the end.</param>
    /// <param name="cancellationToken">Stops the writing.</param>
    public static async Task WriteAsync(TextWriter output, BacktestResult result, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        var report = new
        {
            ruleSet = new { hash = result.RuleSet.Hash, ruleIds = result.RuleSet.Rules.Select(r => r.Id).ToList() },
            from,
            to,
            counts = new { incidentEvents = result.IncidentEvents, tooLate = result.TooLate, warnings = result.Warnings.Count },
            elapsedSeconds = Math.Round(result.Elapsed.TotalSeconds, 3),
            warnings = result.Warnings,
        };
        await TextWriterStream.WriteJsonLineAsync(output, report, Options, cancellationToken).ConfigureAwait(false);
    }
}
