using System.Globalization;
using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.Sources.Feed.Mapping;

namespace EarlyWarning.Sources.Feed;

/// <summary>The feed's options. Anything it does not know is an error, never silently ignored.</summary>
internal sealed record FeedCommandLine(string? File, ReportDefaults Defaults, bool DryRun, bool Help)
{
    public const string Usage = """
        Usage: EarlyWarning.Sources.Feed <file.csv> [options]

        Imports an ACLED CSV export: maps each row to an incident report and publishes it on the bus
        (RabbitMQ: ConnectionStrings__RabbitMq, default amqp://earlywarning:earlywarning@127.0.0.1:5672/).
        Rows that cannot be mapped are listed on stderr as "line N: reason"; the others are published.

          --source <id>         the source id reports carry (default acled)
          --reliability A-F     Admiralty source reliability (default B)
          --credibility 1-6     Admiralty information credibility (default 2)
          --dry-run             map and report, publish nothing (no broker needed)
          --help                this text

        Exit codes: 0 every row published; 3 some rows unmappable, the rest published;
        2 bad usage or unreadable file; 1 broker unreachable or publishing failed.
        """;

    /// <exception cref="CommandLineException">An unknown option, a missing or bad value, no file or two.</exception>
    public static FeedCommandLine Parse(IReadOnlyList<string> args)
    {
        var result = new FeedCommandLine(null, ReportDefaults.Acled, false, false);
        for (var i = 0; i < args.Count; i++)
        {
            var argument = args[i];
            result = argument switch
            {
                "--help" or "-h" => result with { Help = true },
                "--dry-run" => result with { DryRun = true },
                "--source" => result with { Defaults = result.Defaults with { SourceId = ParseSource(Value(args, ref i, argument)) } },
                "--reliability" => result with { Defaults = result.Defaults with { Reliability = ParseReliability(Value(args, ref i, argument)) } },
                "--credibility" => result with { Defaults = result.Defaults with { Credibility = ParseCredibility(Value(args, ref i, argument)) } },
                _ when argument.StartsWith('-') => throw new CommandLineException($"unknown option '{argument}' (see --help)"),
                _ when result.File is not null => throw new CommandLineException($"one file at a time: '{result.File}' and '{argument}' were given"),
                _ => result with { File = argument },
            };
        }
        if (!result.Help && result.File is null)
            throw new CommandLineException("no file given: EarlyWarning.Sources.Feed <file.csv> [options] (see --help)");
        return result;
    }

    private static string Value(IReadOnlyList<string> args, ref int i, string option)
    {
        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            throw new CommandLineException($"option '{option}' needs a value (see --help)");
        return args[++i];
    }

    private static string ParseSource(string value) => ReportChecks.SourceIdPattern().IsMatch(value)
        ? value
        : throw new CommandLineException($"--source must be 1–64 characters of a–z, 0–9, '.', '_' and '-', starting with a letter or digit, not '{value}'");

    private static string ParseReliability(string value)
    {
        var grade = value.Trim().ToUpperInvariant();
        return SourceReliability.IsValid(grade)
            ? grade
            : throw new CommandLineException($"--reliability must be a grade from A to F, not '{value}'");
    }

    private static int ParseCredibility(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var grade) && InformationCredibility.IsValid(grade)
            ? grade
            : throw new CommandLineException($"--credibility must be a grade from 1 to 6, not '{value}'");
}
