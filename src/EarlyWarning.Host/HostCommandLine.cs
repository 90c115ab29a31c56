using System.Globalization;

namespace EarlyWarning.Host;

/// <summary>The host's options. Anything it does not know is an error, never silently ignored.</summary>
internal sealed record HostCommandLine(string? Store, string? DataFolder, string? PostgresConnectionString, int Port, bool Help, bool Demo = false, double DemoSpeed = HostCommandLine.DefaultDemoSpeed)
{
    public const int DefaultPort = 5080;

    // The scenario's live part starts 18 scenario hours before the attacks of 30–31 January: at 1800x that is
    // 36 seconds, so a newcomer sees them arrive within a minute.
    public const double DefaultDemoSpeed = 1800;

    public const string Usage = """
        Usage: dotnet run --project src/EarlyWarning.Host [-- options]

        Runs every EarlyWarning service in one process, on http://127.0.0.1:5080 by default.

          --store sqlite|postgres   the event store (default sqlite: a file under ./data)
          --data <folder>           where the SQLite file lives (default ./data)
          --postgres <connection>   PostgreSQL connection string for --store postgres
                                    (or ConnectionStrings__EventStore in the environment)
          --port <number>           the port to listen on at 127.0.0.1 (default 5080)
          --demo                    also play the shipped, illustrative scenario (Balochistan,
                                    January 2026, with its 2024–2025 background) into ingest
          --demo-speed <factor>     how much faster than real time the demo plays (default 1800)
          --help                    this text
        """;

    /// <exception cref="CommandLineException">An unknown option, a missing or bad value.</exception>
    public static HostCommandLine Parse(IReadOnlyList<string> args)
    {
        var result = new HostCommandLine(null, null, null, DefaultPort, false);
        for (var i = 0; i < args.Count; i++)
        {
            var option = args[i];
            result = option switch
            {
                "--help" or "-h" => result with { Help = true },
                "--store" => result with { Store = ParseStore(Value(args, ref i, option)) },
                "--data" => result with { DataFolder = Value(args, ref i, option) },
                "--postgres" => result with { PostgresConnectionString = Value(args, ref i, option) },
                "--port" => result with { Port = ParsePort(Value(args, ref i, option)) },
                "--demo" => result with { Demo = true },
                "--demo-speed" => result with { DemoSpeed = ParseSpeed(Value(args, ref i, option)) },
                _ => throw new CommandLineException($"unknown option '{option}' (see --help)"),
            };
        }
        return result;
    }

    /// <summary>The options as configuration keys, laid over appsettings and the environment.</summary>
    public IEnumerable<KeyValuePair<string, string?>> ToConfiguration()
    {
        if (Store is not null)
            yield return new("EventStore:Adapter", Store);
        if (DataFolder is not null)
            yield return new("EventStore:Sqlite:Path", Path.Combine(DataFolder, "earlywarning.db"));
        if (PostgresConnectionString is not null)
            yield return new("ConnectionStrings:EventStore", PostgresConnectionString);
        // The demo plays an illustrative scenario: its CAP messages are an exercise, never an actual alert.
        if (Demo)
            yield return new("Cap:Status", "Exercise");
    }

    private static string Value(IReadOnlyList<string> args, ref int i, string option)
    {
        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            throw new CommandLineException($"option '{option}' needs a value (see --help)");
        return args[++i];
    }

    private static string ParseStore(string value) => value is "sqlite" or "postgres"
        ? value
        : throw new CommandLineException($"--store must be 'sqlite' or 'postgres', not '{value}'");

    private static double ParseSpeed(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var speed) && speed is >= 1 and <= 1_000_000
            ? speed
            : throw new CommandLineException($"--demo-speed must be a number from 1 to 1000000, not '{value}'");

    private static int ParsePort(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? port
            : throw new CommandLineException($"--port must be a number from 1 to 65535, not '{value}'");
}
