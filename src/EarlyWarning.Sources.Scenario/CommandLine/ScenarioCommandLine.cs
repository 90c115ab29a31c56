using System.Globalization;
using System.Text.RegularExpressions;

namespace EarlyWarning.Sources.Scenario.CommandLine;

/// <summary>The player's options. Anything it does not know is an error, never silently ignored.</summary>
internal sealed partial record ScenarioCommandLine(ScenarioOptions Options, bool DryRun, bool Help)
{
    public const string Usage = """
        Usage: EarlyWarning.Sources.Scenario [options]
               (from the repository: dotnet run --project src/EarlyWarning.Sources.Scenario -- [options])

        Plays a scenario of incident reports onto the bus: the history at once, then the live part on a
        scaled clock. Without --file it plays the shipped scenario balochistan-2026: illustrative data
        drawn from a published analysis, not real incident records (docs/scenario.md).

          --file <path>       play this scenario file instead of the shipped one
          --speed <N>|max     play live messages N times faster than real time (N >= 1, default 600:
                              ten scenario minutes a second), or max: no waits at all
          --from <time>       start live play at this scenario time instead of the file's liveFrom,
                              e.g. 2026-01-30T23:00:00+05:00; earlier messages are history
          --only-live         leave the history out: publish only from the live start on
          --dry-run           print what would be published, without a broker
          --help              this text

        The bus comes from appsettings.json and the environment: Bus__Transport=rabbitmq (default) or
        in-memory, ConnectionStrings__RabbitMq=amqp://user:password@host:5672/ .
        Exit codes: 0 all published (each message confirmed by the broker), 1 broker unreachable or a
        publish failed, 2 bad option or bad scenario file, 130 stopped (Ctrl+C) before the end.
        """;

    /// <exception cref="CommandLineException">An unknown option, a missing or bad value.</exception>
    public static ScenarioCommandLine Parse(IReadOnlyList<string> args)
    {
        var result = new ScenarioCommandLine(new ScenarioOptions(), DryRun: false, Help: false);
        for (var i = 0; i < args.Count; i++)
        {
            var option = args[i];
            result = option switch
            {
                "--help" or "-h" => result with { Help = true },
                "--dry-run" => result with { DryRun = true },
                "--only-live" => result with { Options = result.Options with { OnlyLive = true } },
                "--file" => result with { Options = result.Options with { File = Value(args, ref i, option) } },
                "--speed" => result with { Options = result.Options with { Speed = ParseSpeed(Value(args, ref i, option)) } },
                "--from" => result with { Options = result.Options with { From = ParseFrom(Value(args, ref i, option)) } },
                _ => throw new CommandLineException($"unknown option '{option}' (see --help)"),
            };
        }
        return result;
    }

    private static string Value(IReadOnlyList<string> args, ref int i, string option)
    {
        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            throw new CommandLineException($"option '{option}' needs a value (see --help)");
        return args[++i];
    }

    private static ScenarioSpeed ParseSpeed(string value) =>
        ScenarioSpeed.TryParse(value, out var speed)
            ? speed
            : throw new CommandLineException($"--speed must be a number of at least 1 or 'max', not '{value}'");

    // A time without an offset would silently mean the machine's zone; the scenario's times all carry one.
    private static DateTimeOffset ParseFrom(string value) =>
        WithOffset().IsMatch(value) && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            ? from
            : throw new CommandLineException($"--from must be an ISO 8601 time with its offset, e.g. 2026-01-30T23:00:00+05:00, not '{value}'");

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex WithOffset();
}
