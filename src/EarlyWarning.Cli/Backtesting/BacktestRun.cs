using System.Text;
using EarlyWarning.Cli.CommandLine;
using EarlyWarning.Cli.Output;
using EarlyWarning.Cli.RuleFiles;
using EarlyWarning.Cli.Store;
using EarlyWarning.Rules.Backtesting;

namespace EarlyWarning.Cli.Backtesting;

/// <summary>
/// <c>ew backtest</c>: the rules first (a mistake there costs nothing), then the output file (so a bad path fails
/// before a long run, not after), then the store, the run, and the warnings. Data goes to standard output or the
/// file; progress and problems go to standard error.
/// </summary>
internal static class BacktestRun
{
    /// <exception cref="RuleFilesException">The rules cannot be used.</exception>
    /// <exception cref="ArgumentException">The store options name no usable store, or the output file cannot be written.</exception>
    /// <exception cref="EventStore.StoreUnavailableException">The store cannot be opened or read.</exception>
    public static async Task RunAsync(BacktestOptions options, TextWriter output, TextWriter error, bool errorIsTerminal, CancellationToken cancellationToken)
    {
        var ruleSet = RuleFileSource.Load(options.Rules, Gazetteer.Gazetteer.Default);
        await using var file = OpenOutput(options.Output);

        var store = await StoreOpener.OpenAsync(options.Store, options.Schema, cancellationToken).ConfigureAwait(false);
        BacktestResult result;
        HindsightResult? hindsight = null;
        await using (store.ConfigureAwait(false))
        {
            var progress = options.Progress || errorIsTerminal ? new ProgressLine(error) : null;
            var (from, to) = (options.From ?? DateTimeOffset.MinValue, options.To ?? DateTimeOffset.MaxValue);
            try
            {
                if (options.CompareHindsight)
                {
                    hindsight = await HindsightComparison.RunAsync(store, ruleSet, from, to, progress, cancellationToken).ConfigureAwait(false);
                    result = hindsight.AsKnown;
                }
                else
                {
                    result = await Backtester.RunAsync(store, ruleSet, from, to, progress, cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                progress?.Finish();
            }
        }

        // A large buffer: a million incidents' report is a hundred megabytes of CSV or more of JSON.
        var target = file is null ? output : new StreamWriter(file, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16);
        switch (options.Format)
        {
            case OutputFormat.Table when hindsight is not null:
                HindsightTableReport.Write(target, hindsight, options.KnownWithin);
                break;
            case OutputFormat.Csv when hindsight is not null:
                HindsightCsvReport.Write(target, hindsight);
                break;
            case OutputFormat.Json when hindsight is not null:
                await HindsightJsonReport.WriteAsync(target, hindsight, options.From, options.To, options.KnownWithin, cancellationToken).ConfigureAwait(false);
                break;
            case OutputFormat.Table:
                TableReport.Write(target, result);
                break;
            case OutputFormat.Csv:
                CsvReport.Write(target, result);
                break;
            case OutputFormat.Json:
                await JsonReport.WriteAsync(target, result, options.From, options.To, cancellationToken).ConfigureAwait(false);
                break;
        }
        await target.FlushAsync(cancellationToken).ConfigureAwait(false);

        // Standard output carries the CSV or JSON alone, so it can be piped; the summary goes beside it.
        var summary = hindsight is null ? ReportText.Summary(result) : ReportText.HindsightSummary(hindsight, options.KnownWithin);
        if (file is not null)
            output.WriteLine($"{summary} Written to {options.Output}.");
        else if (options.Format != OutputFormat.Table)
            error.WriteLine(summary);
    }

    private static FileStream? OpenOutput(string? path)
    {
        if (path is null)
            return null;
        try
        {
            return new FileStream(path, FileMode.Create, FileAccess.Write);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new ArgumentException($"--output: cannot write {path}: {ex.Message}", ex);
        }
    }
}
