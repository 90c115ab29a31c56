using System.Globalization;

namespace EarlyWarning.Benchmarks;

/// <summary>
/// The command line: <c>[--suite store|ingest|rules|dispatch|partners|all] [--rules engine|backtest|live|stopwatch|all] [--adapter sqlite|postgres|all] [--mode distributed|embedded|all] [--scale N]
/// [--ids time-ordered|random] [--data-dir DIR] [--postgres CONNECTION] [--prefetch-count N] [--concurrent-message-limit N] [--publishers N]</c>.
/// Every count and duration of the run is a default figure multiplied by <see cref="Scale"/>, so one knob
/// turns the full run into a smoke test (0.05) without a second set of numbers to keep in step.
/// </summary>
public sealed record BenchmarkOptions
{
    public const string DefaultPostgres = "Host=127.0.0.1;Port=5432;Username=earlywarning;Password=earlywarning;Database=earlywarning";

    /// <summary>The event store suite (the default, as before the ingest suite existed).</summary>
    public bool RunStore { get; init; } = true;

    /// <summary>The ingest suite: bus → ingest → store, beside the bare bus and the bare store (see <c>Ingest/IngestSuite</c>).</summary>
    public bool RunIngest { get; init; }

    /// <summary>The rules suite: the engine alone, the back-test over the store, live warnings (see <c>Rules/RulesSuite</c>).</summary>
    public bool RunRules { get; init; }

    /// <summary>The dispatch suite: one warning fanned out to 100 webhook receivers (see <c>Dispatch/FanOutFigure</c>).</summary>
    public bool RunDispatch { get; init; }

    /// <summary>The partners suite: the AMQP relay and the HTTP feed catching up on a store (see <c>Partners/PartnersSuite</c>).</summary>
    public bool RunPartners { get; init; }

    /// <summary>Rules suite: the engine alone under BenchmarkDotNet.</summary>
    public bool RunRulesEngine { get; init; } = true;

    /// <summary>Rules suite: the back-test over 1,000,000 stored incidents.</summary>
    public bool RunRulesBacktest { get; init; } = true;

    /// <summary>Rules suite: incident recorded → warning recorded, ingest and rules in one process.</summary>
    public bool RunRulesLive { get; init; } = true;

    /// <summary>
    /// Rules suite, only when asked for (<c>--rules stopwatch</c>): the engine, then the back-test's evaluation, over
    /// the realistic history by stopwatch, a line a pass, to run two builds side by side, one on each core
    /// (docs/benchmarks.md, run AC).
    /// </summary>
    public bool RunRulesStopwatch { get; init; }

    /// <summary>Ingest suite: RabbitMQ → ingest → PostgreSQL.</summary>
    public bool RunDistributed { get; init; } = true;

    /// <summary>Ingest suite: in-memory bus → ingest → SQLite.</summary>
    public bool RunEmbedded { get; init; } = true;

    /// <summary>Ingest suite: <c>Bus:PrefetchCount</c> for the consuming endpoints, when not the service default.</summary>
    public int? PrefetchCount { get; init; }

    /// <summary>Ingest suite: publishes in flight at once in the throughput figures (default 256).</summary>
    public int? Publishers { get; init; }

    /// <summary>Ingest suite: <c>Bus:ConcurrentMessageLimit</c> for the consuming endpoints, when not the service default.</summary>
    public int? ConcurrentMessageLimit { get; init; }

    public bool RunSqlite { get; init; } = true;

    public bool RunPostgres { get; init; } = true;

    public double Scale { get; init; } = 1.0;

    /// <summary>
    /// Event ids for the scenarios: time-ordered (v7, the default, as <c>EventIds.New</c> makes them for the
    /// product's writers) or random (v4), to show what a writer with random ids costs the store.
    /// </summary>
    public bool TimeOrderedIds { get; init; } = true;

    /// <summary>Where the SQLite files and the fsync probe live; a fresh folder under /tmp by default.</summary>
    public string DataDirectory { get; init; } = Path.Combine(Path.GetTempPath(), $"ew-bench-{Guid.NewGuid():N}"[..17]);

    /// <summary>Only set when the caller named the folder: then it is theirs and only our files in it are removed.</summary>
    public bool DataDirectoryGiven { get; init; }

    public string PostgresConnectionString { get; init; } = Environment.GetEnvironmentVariable("EW_TEST_POSTGRES") ?? DefaultPostgres;

    public const string Usage =
        "usage: dotnet run -c Release --project tests/EarlyWarning.Benchmarks -- " +
        "[--suite store|ingest|rules|dispatch|partners|all] [--rules engine|backtest|live|stopwatch|all] [--adapter sqlite|postgres|all] [--mode distributed|embedded|all] [--scale N] [--ids time-ordered|random] " +
        "[--data-dir DIR] [--postgres CONNECTION-STRING] [--prefetch-count N] [--concurrent-message-limit N] [--publishers N]";

    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchmarkOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.\n{Usage}");
            options = name switch
            {
                "--suite" => Value() switch
                {
                    "store" => options with { RunStore = true, RunIngest = false, RunRules = false, RunDispatch = false, RunPartners = false },
                    "ingest" => options with { RunStore = false, RunIngest = true, RunRules = false, RunDispatch = false, RunPartners = false },
                    "rules" => options with { RunStore = false, RunIngest = false, RunRules = true, RunDispatch = false, RunPartners = false },
                    "dispatch" => options with { RunStore = false, RunIngest = false, RunRules = false, RunDispatch = true, RunPartners = false },
                    "partners" => options with { RunStore = false, RunIngest = false, RunRules = false, RunDispatch = false, RunPartners = true },
                    "all" => options with { RunStore = true, RunIngest = true, RunRules = true, RunDispatch = true, RunPartners = true },
                    var other => throw new ArgumentException($"'{other}' is not a suite (store, ingest, rules, dispatch, partners, all).\n{Usage}"),
                },
                "--rules" => Value() switch
                {
                    "engine" => options with { RunRulesEngine = true, RunRulesBacktest = false, RunRulesLive = false },
                    "backtest" => options with { RunRulesEngine = false, RunRulesBacktest = true, RunRulesLive = false },
                    "live" => options with { RunRulesEngine = false, RunRulesBacktest = false, RunRulesLive = true },
                    "stopwatch" => options with { RunRulesEngine = false, RunRulesBacktest = false, RunRulesLive = false, RunRulesStopwatch = true },
                    "all" => options with { RunRulesEngine = true, RunRulesBacktest = true, RunRulesLive = true },
                    var other => throw new ArgumentException($"'{other}' is not a part of the rules suite (engine, backtest, live, stopwatch, all).\n{Usage}"),
                },
                "--mode" => Value() switch
                {
                    "distributed" => options with { RunDistributed = true, RunEmbedded = false },
                    "embedded" => options with { RunDistributed = false, RunEmbedded = true },
                    "all" => options with { RunDistributed = true, RunEmbedded = true },
                    var other => throw new ArgumentException($"'{other}' is not an ingest mode (distributed, embedded, all).\n{Usage}"),
                },
                "--prefetch-count" => options with { PrefetchCount = ParseBound(name, Value()) },
                "--concurrent-message-limit" => options with { ConcurrentMessageLimit = ParseBound(name, Value()) },
                "--publishers" => options with { Publishers = ParseBound(name, Value()) },
                "--adapter" => Value() switch
                {
                    "sqlite" => options with { RunSqlite = true, RunPostgres = false },
                    "postgres" => options with { RunSqlite = false, RunPostgres = true },
                    "all" => options with { RunSqlite = true, RunPostgres = true },
                    var other => throw new ArgumentException($"'{other}' is not an adapter (sqlite, postgres, all).\n{Usage}"),
                },
                "--scale" => options with { Scale = ParseScale(Value()) },
                "--ids" => Value() switch
                {
                    "random" => options with { TimeOrderedIds = false },
                    "time-ordered" => options with { TimeOrderedIds = true },
                    var other => throw new ArgumentException($"'{other}' is not an id kind (random, time-ordered).\n{Usage}"),
                },
                "--data-dir" => options with { DataDirectory = Path.GetFullPath(Value()), DataDirectoryGiven = true },
                "--postgres" => options with { PostgresConnectionString = Value() },
                "-h" or "--help" => throw new ArgumentException(Usage),
                _ => throw new ArgumentException($"Unknown argument '{name}'.\n{Usage}"),
            };
        }
        return options;
    }

    /// <summary>The arguments as given, for the report, with the connection string's password kept out of it.</summary>
    public static string Describe(IReadOnlyList<string> args)
    {
        if (args.Count == 0)
            return "(defaults)";
        var shown = args.Select((arg, i) => i > 0 && args[i - 1] == "--postgres" ? $"<connection string to {new Npgsql.NpgsqlConnectionStringBuilder(arg).Host}>" : arg);
        return string.Join(' ', shown);
    }

    private static double ParseScale(string text)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var scale) || scale <= 0 || scale > 100)
            throw new ArgumentException($"--scale must be a number above 0 and at most 100, not '{text}'.\n{Usage}");
        return scale;
    }

    private static int ParseBound(string name, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= 65535
            ? value
            : throw new ArgumentException($"{name} must be a whole number from 1 to 65535, not '{text}'.\n{Usage}");

    /// <summary>A default count scaled, never below <paramref name="minimum"/> so a smoke run still measures something.</summary>
    public int Count(int atFullScale, int minimum = 10) => Math.Max(minimum, (int)Math.Round(atFullScale * Scale));

    public TimeSpan Duration(TimeSpan atFullScale) => TimeSpan.FromSeconds(Math.Max(0.2, atFullScale.TotalSeconds * Scale));
}
