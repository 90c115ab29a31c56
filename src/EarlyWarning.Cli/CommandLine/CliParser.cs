using System.Globalization;
using System.Text.RegularExpressions;

namespace EarlyWarning.Cli.CommandLine;

/// <summary>Reads the command line. Anything it does not know is an error, never silently ignored.</summary>
internal static partial class CliParser
{
    /// <exception cref="CommandLineException">No command, an unknown one, an unknown option, a missing or bad value.</exception>
    public static CliCommand Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0)
            throw new CommandLineException("no command given; run 'ew --help' for the commands");
        return args[0] switch
        {
            "--help" or "-h" or "help" => new CliCommand.Help(Usage.Main),
            "backtest" => ParseBacktest(args.Skip(1).ToList()),
            "rules" => ParseRules(args.Skip(1).ToList()),
            "picture" => ParsePicture(args.Skip(1).ToList()),
            "partners" => ParsePartners(args.Skip(1).ToList()),
            "models" => ParseModels(args.Skip(1).ToList()),
            var other when other.StartsWith('-') => throw new CommandLineException($"unknown option '{other}'; run 'ew --help' for the commands"),
            var other => throw new CommandLineException($"unknown command '{other}'; the commands are backtest, picture, partners, models and rules check (see ew --help)"),
        };
    }

    private static CliCommand ParseRules(List<string> args)
    {
        if (args.Count == 0)
            throw new CommandLineException("'ew rules' needs a subcommand: ew rules check <file-or-directory>");
        if (args[0] is "--help" or "-h" || args.Contains("--help") || args.Contains("-h"))
            return new CliCommand.Help(Usage.Rules);
        if (args[0] != "check")
            throw new CommandLineException($"unknown subcommand 'rules {args[0]}'; the one there is: ew rules check <file-or-directory>");
        var rest = args.Skip(1).ToList();
        if (rest.FirstOrDefault(a => a.StartsWith("--", StringComparison.Ordinal)) is { } option)
            throw new CommandLineException($"unknown option '{option}' for rules check (see ew rules check --help)");
        return rest.Count switch
        {
            0 => throw new CommandLineException("rules check needs a rule file or directory: ew rules check <file-or-directory>"),
            1 => new CliCommand.CheckRules(rest[0]),
            _ => throw new CommandLineException($"rules check takes one file or directory, not {rest.Count}; a directory's files are checked together"),
        };
    }

    private static CliCommand ParseBacktest(List<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var progress = false;
        var compareHindsight = false;
        for (var i = 0; i < args.Count; i++)
        {
            var (option, inline) = Split(args[i]);
            switch (option)
            {
                case "--help" or "-h":
                    return new CliCommand.Help(Usage.Backtest);
                case "--progress":
                    progress = true;
                    break;
                case "--compare-hindsight":
                    compareHindsight = true;
                    break;
                case "--rules" or "--from" or "--to" or "--format" or "--output" or "--store" or "--schema" or "--known-within":
                    if (values.ContainsKey(option))
                        throw new CommandLineException($"option '{option}' is given twice");
                    values[option] = inline ?? Value(args, ref i, option);
                    break;
                default:
                    throw new CommandLineException(option.StartsWith('-')
                        ? $"unknown option '{option}' for backtest (see ew backtest --help)"
                        : $"unexpected argument '{option}'; give the rules with --rules <file-or-directory> (see ew backtest --help)");
            }
        }

        if (!values.TryGetValue("--rules", out var rules))
            throw new CommandLineException("backtest needs the rules to evaluate: --rules <file-or-directory> (see ew backtest --help)");
        var from = values.TryGetValue("--from", out var f) ? Time("--from", f, endOfDay: false) : (DateTimeOffset?)null;
        var to = values.TryGetValue("--to", out var t) ? Time("--to", t, endOfDay: true) : (DateTimeOffset?)null;
        if (from > to)
            throw new CommandLineException($"--from ({from:yyyy-MM-dd HH:mm}Z) is after --to ({to:yyyy-MM-dd HH:mm}Z)");
        if (values.ContainsKey("--known-within") && !compareHindsight)
            throw new CommandLineException("--known-within goes with --compare-hindsight: it is the delay the comparison counts as in time");
        var knownWithin = values.TryGetValue("--known-within", out var within)
            ? Rules.Loading.Durations.Parse(within) ?? throw new CommandLineException($"--known-within must be a duration such as 30m, 1h or 2d, not '{within}'")
            : BacktestOptions.DefaultKnownWithin;
        return new CliCommand.Backtest(new BacktestOptions(
            rules,
            from,
            to,
            values.TryGetValue("--format", out var format) ? Format(format) : OutputFormat.Table,
            values.GetValueOrDefault("--output"),
            values.TryGetValue("--store", out var store) ? Store(store) : null,
            values.GetValueOrDefault("--schema"),
            progress,
            compareHindsight,
            knownWithin));
    }

    private static CliCommand ParsePicture(List<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var (option, inline) = Split(args[i]);
            switch (option)
            {
                case "--help" or "-h":
                    return new CliCommand.Help(Usage.Picture);
                case "--as-of" or "--format" or "--store" or "--schema":
                    if (values.ContainsKey(option))
                        throw new CommandLineException($"option '{option}' is given twice");
                    values[option] = inline ?? Value(args, ref i, option, "picture");
                    break;
                default:
                    throw new CommandLineException(option.StartsWith('-')
                        ? $"unknown option '{option}' for picture (see ew picture --help)"
                        : $"unexpected argument '{option}'; give the moment with --as-of <time> (see ew picture --help)");
            }
        }
        var format = values.TryGetValue("--format", out var f) ? Format(f) : OutputFormat.Table;
        if (format == OutputFormat.Csv)
            throw new CommandLineException("--format for picture must be table or json: a picture is two lists, incidents and warnings");
        return new CliCommand.Picture(new PictureOptions(
            values.TryGetValue("--as-of", out var asOf) ? Time("--as-of", asOf, endOfDay: true) : null,
            format,
            values.TryGetValue("--store", out var store) ? Store(store) : null,
            values.GetValueOrDefault("--schema")));
    }

    private static (string Option, string? Value) Split(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 2 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }

    private static string Value(List<string> args, ref int i, string option, string command = "backtest")
    {
        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            throw new CommandLineException($"option '{option}' needs a value (see ew {command} --help)");
        return args[++i];
    }

    /// <summary>A date (a whole UTC day: its start for --from, its end for --to) or an ISO 8601 time, UTC unless it has an offset.</summary>
    private static DateTimeOffset Time(string option, string text, bool endOfDay)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var start = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return endOfDay ? start.AddDays(1).AddTicks(-1) : start;
        }
        if (IsoTime().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            return time;
        throw new CommandLineException($"{option} must be a date, e.g. 2026-01-30, or an ISO 8601 time, e.g. 2026-01-30T18:00:00Z, not '{text}'");
    }

    private static OutputFormat Format(string text) => text switch
    {
        "table" => OutputFormat.Table,
        "csv" => OutputFormat.Csv,
        "json" => OutputFormat.Json,
        _ => throw new CommandLineException($"--format must be table, csv or json, not '{text}'"),
    };

    private static StoreChoice Store(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var (adapter, target) = colon < 0 ? (text, "") : (text[..colon], text[(colon + 1)..]);
        return adapter switch
        {
            "sqlite" or "postgres" when target.Length > 0 => new StoreChoice(adapter, target),
            "sqlite" => throw new CommandLineException("--store sqlite: needs the file's path, e.g. sqlite:data/earlywarning.db"),
            "postgres" => throw new CommandLineException("--store postgres: needs a connection string, e.g. 'postgres:Host=127.0.0.1;Username=earlywarning;Password=...;Database=earlywarning'"),
            _ => throw new CommandLineException($"--store must be sqlite:<path> or postgres:<connection string>, not '{text}'"),
        };
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$")]
    private static partial Regex IsoTime();
}
