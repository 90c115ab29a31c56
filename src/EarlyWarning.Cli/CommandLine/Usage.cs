namespace EarlyWarning.Cli.CommandLine;

/// <summary>What <c>--help</c> prints.</summary>
internal static class Usage
{
    public const string Main = """
        Usage: ew <command> [options]

        Commands:
          backtest      evaluate a rule set on the stored history and list the warnings it would have raised
          picture       the incidents and warnings as the system knew them at a moment
          rules check   validate rule files and list every error

        Run 'ew <command> --help' for a command's options.
        Exit codes: 0 done, 1 the store is unavailable, 2 bad usage or invalid rules, 130 stopped (Ctrl+C).
        """;

    public const string Backtest = """
        Usage: ew backtest --rules <file-or-directory> [options]

        Evaluates a rule set on the incidents recorded in the store, with the engine the rules service runs,
        in the order the store recorded them, and lists the warnings it would have raised. Records nothing.

          --rules <path>       a rule file, or a directory whose *.yaml files are one rule set (as rules/)
          --from <time>        list warnings first holding at or after this event time (default: all)
          --to <time>          evaluate incidents up to this event time (default: all)
                               times: a date, 2026-01-30 (--from: 00:00 UTC; --to: the end of that day, UTC),
                               or ISO 8601, 2026-01-30T18:00:00+05:00 (UTC when no offset is given)
          --format <format>    table (default), csv (RFC 4180, with a header row) or json
          --output <file>      write the warnings to this file instead of standard output
          --store <store>      sqlite:<path> or postgres:<connection string>; by default the store the
                               services use: EventStore__Adapter etc. from the environment, else the
                               SQLite file data/earlywarning.db under the current directory
          --schema <schema>    the PostgreSQL schema (default eventstore)
          --progress           show progress on standard error even when it is not a terminal
          --help               this text

        Exit codes: 0 done, 1 the store is unavailable, 2 bad usage or invalid rules, 130 stopped (Ctrl+C).
        """;

    public const string Picture = """
        Usage: ew picture [--as-of <time>] [options]

        Shows the incidents and warnings as recorded up to a moment: what the system knew then. Corrections and
        late reports recorded afterwards are left out, even when they concern earlier events. Reads only.

          --as-of <time>       the moment (default: now); a date, 2026-01-31 (the end of that day, UTC), or
                               ISO 8601, 2026-01-31T06:00:00+05:00 (UTC when no offset is given)
          --format <format>    table (default) or json (the same shape as GET /api/picture?asOf=)
          --store <store>      sqlite:<path> or postgres:<connection string>; by default the store the
                               services use (as for ew backtest)
          --schema <schema>    the PostgreSQL schema (default eventstore)
          --help               this text

        Exit codes: 0 done, 1 the store is unavailable, 2 bad usage.
        """;

    public const string Rules = """
        Usage: ew rules check <file-or-directory>

        Validates a rule file, or a directory whose *.yaml files are one rule set, as the rules service
        would before activating it, and lists every error as file:line:column: message.

        Exit codes: 0 valid, 2 invalid (or bad usage).
        """;
}
