using System.Text.Json;
using EarlyWarning.Rules.Backtesting;

namespace EarlyWarning.Cli.Output;

/// <summary>One JSON object: the rule set, the period, the counts of both runs, and every warning of the comparison.</summary>
internal static class HindsightJsonReport
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task WriteAsync(TextWriter output, HindsightResult result, DateTimeOffset? from, DateTimeOffset? to, TimeSpan knownWithin, CancellationToken cancellationToken)
    {
        var counts = HindsightCounts.Of(result, knownWithin);
        var report = new
        {
            ruleSet = new { hash = result.AsKnown.RuleSet.Hash, ruleIds = result.AsKnown.RuleSet.Rules.Select(r => r.Id).ToList() },
            from,
            to,
            knownWithin,
            counts = new
            {
                incidentEvents = result.AsKnown.IncidentEvents,
                tooLate = result.AsKnown.TooLate,
                asKnownWarnings = result.AsKnown.Warnings.Count,
                hindsightWarnings = counts.Hindsight,
                knownInTime = counts.KnownInTime,
                knownLater = counts.KnownLater,
                missedAsKnown = counts.MissedAsKnown,
                onlyAsKnown = counts.OnlyAsKnown,
            },
            elapsedSeconds = Math.Round((result.AsKnown.Elapsed + result.Hindsight.Elapsed).TotalSeconds, 3),
            warnings = result.Warnings,
        };
        // Streamed, not built as one string: at a million incidents the report is larger than a string can be.
        await TextWriterStream.WriteJsonLineAsync(output, report, Options, cancellationToken).ConfigureAwait(false);
    }
}
