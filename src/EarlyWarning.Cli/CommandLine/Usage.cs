namespace EarlyWarning.Cli.CommandLine;

/// <summary>What <c>--help</c> prints.</summary>
internal static class Usage
{
    public const string Main = """
        Usage: ew <command> [options]

        Commands:
          backtest      evaluate a rule set on the stored history and list the warnings it would have raised
          picture       the incidents and warnings as the system knew them at a moment
          partners      provision partners' RabbitMQ users and queues; re-deliver to a partner
          models        list a service's read models; rebuild one from the store without a restart
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
          --compare-hindsight  also evaluate the rules with hindsight: the incidents as finally known (corrections
                               applied, retracted reports gone) in occurred-at order, as if each report had
                               arrived when the incident occurred; list per warning when it would have fired,
                               when it could be known as recorded, the delay, and the warnings missed as known
                               or raised only as known (the table, csv and json change shape)
          --known-within <d>   with --compare-hindsight: the delay counted as known in time, e.g. 30m, 1h
                               (default), 6h, 2d
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

    public const string Partners = """
        Usage: ew partners <subcommand> [options]

        Subcommands:
          provision     create or update each partner's RabbitMQ user, permissions, exchange, queue and bindings
          redeliver     ask the service to send a partner's events again, over AMQP or its webhook

        Run 'ew partners <subcommand> --help' for its options.
        """;

    public const string PartnersProvision = """
        Usage: ew partners provision [--config <appsettings.json>] [options]

        Makes RabbitMQ match the partners of the settings the services read: for each partner, the user
        ew-partner-{name} (no tags), its permissions on the virtual host (its own queues only; it can read its
        exchange but never publish), the topic exchange ew.partner.{name}, the quorum queue
        ew.partner.{name}.events, the bindings its entitlement allows, and no others (bindings it no longer
        allows are removed). Running it again changes nothing. A new user's password is generated and printed
        once, as "password <partner> <user> <password>"; an existing user keeps its password unless --rotate.
        Users named ew-partner-* that are no partner of the settings are listed and left alone.

          --config <file>      a JSON settings file with the Partners section (as the host's appsettings.json);
                               environment variables (Partners__0__Name=...) are read over it, as the services do
          --amqp <uri>         an administrator's AMQP URI, amqp://user:password@host:5672/vhost (default:
                               ConnectionStrings:RabbitMq of the settings); the vhost is the partners'
          --management <url>   the management API, http://host:15672 (default: port 15672 of the AMQP host),
                               with user:password@ when its credentials differ from the AMQP URI's
          --rotate <partner>   give this partner's existing user a new password (may be repeated)
          --dry-run            print what would change, change nothing
          --help               this text

        Exit codes: 0 done, 1 RabbitMQ is unreachable or refused, 2 bad usage or settings (nothing changed).
        """;

    public const string Models = """
        Usage: ew models list [options]
               ew models rebuild <name> [options]

        A service keeps read models in memory, folded from the store (the host and the dispatch service:
        warnings-board, the picture, warnings and live stream; cap-feed, the CAP Atom feed). 'list' shows where
        each stands. 'rebuild' has the service fold the whole store into a new model while it keeps serving the
        old one, swap it in, and record the rebuild (who, when, how far) on the operator-audit stream; the
        dashboard's live stream then starts again from the new picture. The answer comes when it is in place.

          --url <url>          the service (default http://127.0.0.1:5080)
          --key <key>          an operator's or admin's API key (default: the environment variable EW_API_KEY)
          --help               this text

        Exit codes: 0 done, 1 the service is unreachable or refused (nothing rebuilt), 2 bad usage.
        """;

    public const string PartnersRedeliver = """
        Usage: ew partners redeliver --partner <name> --channel amqp|webhook (--after <position> | --since <time>) [options]

        Asks the service (POST /api/partners/{name}/redeliver) to send the partner, through its entitlement, every
        event after a store position or recorded since a moment, with the same event ids as the first time.

          --partner <name>     the partner, as named under Partners in the settings
          --channel <channel>  amqp (its queue) or webhook
          --after <position>   the events after this store position (as in a feed page's 'next')
          --since <time>       the events recorded from this moment: a date, 2026-01-31 (00:00 UTC), or ISO 8601,
                               2026-01-31T06:00Z (UTC when no offset is given)
          --url <url>          the service (default http://127.0.0.1:5080)
          --key <key>          an operator's API key (default: the environment variable EW_API_KEY)
          --help               this text

        Exit codes: 0 done, 1 the service is unreachable or refused, 2 bad usage.
        """;
}
