using System.Globalization;

namespace EarlyWarning.Cli.CommandLine;

internal static partial class CliParser
{
    /// <summary>The environment variable the service clients (<c>ew partners redeliver</c>, <c>ew models</c>) take the key from when <c>--key</c> is not given.</summary>
    public const string KeyVariable = "EW_API_KEY";

    private static CliCommand ParsePartners(List<string> args)
    {
        if (args.Count == 0)
            throw new CommandLineException("'ew partners' needs a subcommand: provision or redeliver (see ew partners --help)");
        return args[0] switch
        {
            "--help" or "-h" => new CliCommand.Help(Usage.Partners),
            "provision" => ParseProvision(args.Skip(1).ToList()),
            "redeliver" => ParseRedeliver(args.Skip(1).ToList()),
            var other => throw new CommandLineException($"unknown subcommand 'partners {other}'; the ones there are: provision, redeliver (see ew partners --help)"),
        };
    }

    private static CliCommand ParseProvision(List<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var rotate = new List<string>();
        var dryRun = false;
        for (var i = 0; i < args.Count; i++)
        {
            var (option, inline) = Split(args[i]);
            switch (option)
            {
                case "--help" or "-h":
                    return new CliCommand.Help(Usage.PartnersProvision);
                case "--dry-run":
                    dryRun = true;
                    break;
                case "--rotate":
                    rotate.Add(inline ?? Value(args, ref i, option, "partners provision"));
                    break;
                case "--config" or "--amqp" or "--management":
                    if (values.ContainsKey(option))
                        throw new CommandLineException($"option '{option}' is given twice");
                    values[option] = inline ?? Value(args, ref i, option, "partners provision");
                    break;
                default:
                    throw new CommandLineException(option.StartsWith('-')
                        ? $"unknown option '{option}' for partners provision (see ew partners provision --help)"
                        : $"unexpected argument '{option}'; the partners come from the settings: --config <appsettings.json> (see ew partners provision --help)");
            }
        }
        return new CliCommand.ProvisionPartners(new ProvisionOptions(
            values.GetValueOrDefault("--config"),
            values.TryGetValue("--amqp", out var amqp) ? Address("--amqp", amqp, "amqp://user:password@127.0.0.1:5672/", "amqp", "amqps") : null,
            values.TryGetValue("--management", out var management) ? Address("--management", management, "http://127.0.0.1:15672", "http", "https") : null,
            rotate,
            dryRun));
    }

    private static CliCommand ParseRedeliver(List<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var (option, inline) = Split(args[i]);
            switch (option)
            {
                case "--help" or "-h":
                    return new CliCommand.Help(Usage.PartnersRedeliver);
                case "--url" or "--key" or "--partner" or "--channel" or "--after" or "--since":
                    if (values.ContainsKey(option))
                        throw new CommandLineException($"option '{option}' is given twice");
                    values[option] = inline ?? Value(args, ref i, option, "partners redeliver");
                    break;
                default:
                    throw new CommandLineException(option.StartsWith('-')
                        ? $"unknown option '{option}' for partners redeliver (see ew partners redeliver --help)"
                        : $"unexpected argument '{option}'; name the partner with --partner <name> (see ew partners redeliver --help)");
            }
        }

        var partner = values.GetValueOrDefault("--partner")
            ?? throw new CommandLineException("partners redeliver needs the partner: --partner <name>");
        var channel = values.GetValueOrDefault("--channel") switch
        {
            null => throw new CommandLineException("partners redeliver needs the channel: --channel amqp|webhook"),
            "amqp" => "amqp",
            "webhook" => "webhook",
            var other => throw new CommandLineException($"--channel must be amqp or webhook, not '{other}'"),
        };
        long? after = null;
        DateTimeOffset? since = null;
        switch (values.GetValueOrDefault("--after"), values.GetValueOrDefault("--since"))
        {
            case (null, null):
                throw new CommandLineException("partners redeliver needs where to start: --after <position> or --since <time>");
            case ({ }, { }):
                throw new CommandLineException("give --after <position> or --since <time>, not both");
            case ({ } position, null):
                after = long.TryParse(position, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                    ? value
                    : throw new CommandLineException($"--after must be a store position (a whole number ≥ 0, as in a feed page's 'next'), not '{position}'");
                break;
            case (null, { } time):
                since = Time("--since", time, endOfDay: false);
                break;
        }
        var service = Service(values, "partners redeliver");
        return new CliCommand.RedeliverToPartner(new RedeliverOptions(service.Url, service.Key, partner, channel, after, since));
    }

    private static Uri Address(string option, string text, string example, params string[] schemes)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && schemes.Contains(uri.Scheme) && uri.Host.Length > 0)
            return uri;
        throw new CommandLineException($"{option} must be a {string.Join(" or ", schemes)} URL such as {example}, not '{text}'");
    }
}
