using System.Text;
using EarlyWarning.Sources.Feed.Acled;
using EarlyWarning.Sources.Feed.Csv;
using EarlyWarning.Sources.Feed.Importing;
using EarlyWarning.Sources.Feed.Mapping;
using EarlyWarning.Sources.Feed.Publishing;

namespace EarlyWarning.Sources.Feed;

/// <summary>
/// Reads, maps and publishes one file. Unmappable rows go to stderr as <c>line N: reason</c>, the summary to
/// stdout; every other failure is one line on stderr starting <c>feed: </c>, never a stack trace.
/// </summary>
internal static class FeedProgram
{
    public const int ExitPublished = 0;
    public const int ExitUnavailable = 1;
    public const int ExitUsage = 2;
    public const int ExitSomeUnmappable = 3;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, CancellationToken cancellationToken = default)
    {
        FeedCommandLine options;
        try
        {
            options = FeedCommandLine.Parse(args);
        }
        catch (CommandLineException ex)
        {
            return Fail(errors, ExitUsage, ex.Message);
        }
        if (options.Help)
        {
            output.WriteLine(FeedCommandLine.Usage);
            return ExitPublished;
        }

        var importer = new FeedImporter(new AcledMapper(options.Defaults, Gazetteer.Gazetteer.Default, TimeProvider.System), errors);
        ImportPlan plan;
        try
        {
            using var text = new StreamReader(options.File!, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), detectEncodingFromByteOrderMarks: true);
            plan = importer.Plan(AcledCsvReader.Open(text));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail(errors, ExitUsage, $"cannot read '{options.File}': {ex.Message}");
        }
        catch (CsvFormatException ex)
        {
            return Fail(errors, ExitUsage, $"{options.File}: {ex.Message}");
        }

        var exit = plan.Unmappable > 0 ? ExitSomeUnmappable : ExitPublished;
        if (options.DryRun)
        {
            output.WriteLine($"{plan.RowsRead} rows read, 0 published (dry run: {plan.Reports.Count} mappable), {plan.Unmappable} unmappable");
            return exit;
        }
        if (plan.Reports.Count == 0)
        {
            output.WriteLine($"{plan.RowsRead} rows read, 0 published, {plan.Unmappable} unmappable");
            return exit;
        }

        var builder = BusReportPublisher.CreateBuilder();
        try
        {
            var settings = FeedSettings.From(builder.Configuration);
            await using var publisher = await BusReportPublisher.StartAsync(builder, settings, cancellationToken);
            if (publisher.Configuration.Transport != ServiceDefaults.Bus.BusConfiguration.RabbitMq)
                errors.WriteLine($"feed: warning: the bus is {publisher.Configuration.Describe()}: no other process will see these reports");
            var published = await FeedImporter.PublishAsync(plan.Reports, publisher, settings.PublishConcurrency, cancellationToken);
            output.WriteLine($"{plan.RowsRead} rows read, {published} published to {publisher.Configuration.Describe()}, {plan.Unmappable} unmappable");
            return exit;
        }
        catch (ArgumentException ex)
        {
            return Fail(errors, ExitUsage, ex.Message);
        }
        catch (BrokerUnavailableException ex)
        {
            return Fail(errors, ExitUnavailable, $"{ex.Message}; nothing was published");
        }
        catch (PublishFailedException ex)
        {
            return Fail(errors, ExitUnavailable, $"{ex.Message}. Running the import again is safe: ingest records each report once");
        }
    }

    private static int Fail(TextWriter errors, int code, string message)
    {
        errors.WriteLine($"feed: {message}");
        return code;
    }
}
