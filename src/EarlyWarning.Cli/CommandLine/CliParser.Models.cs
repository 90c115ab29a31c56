namespace EarlyWarning.Cli.CommandLine;

internal static partial class CliParser
{
    private static readonly Uri DefaultServiceUrl = new("http://127.0.0.1:5080/");

    private static CliCommand ParseModels(List<string> args)
    {
        if (args.Count == 0)
            throw new CommandLineException("'ew models' needs a subcommand: list or rebuild (see ew models --help)");
        var subcommand = args[0];
        if (subcommand is "--help" or "-h" or "help")
            return new CliCommand.Help(Usage.Models);
        if (subcommand is not ("list" or "rebuild"))
            throw new CommandLineException($"unknown subcommand 'models {subcommand}'; the ones there are: list, rebuild (see ew models --help)");

        var what = $"models {subcommand}";
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var names = new List<string>();
        var rest = args.Skip(1).ToList();
        for (var i = 0; i < rest.Count; i++)
        {
            var (option, inline) = Split(rest[i]);
            switch (option)
            {
                case "--help" or "-h":
                    return new CliCommand.Help(Usage.Models);
                case "--url" or "--key":
                    if (values.ContainsKey(option))
                        throw new CommandLineException($"option '{option}' is given twice");
                    values[option] = inline ?? Value(rest, ref i, option, what);
                    break;
                default:
                    if (option.StartsWith('-'))
                        throw new CommandLineException($"unknown option '{option}' for {what} (see ew models --help)");
                    names.Add(option);
                    break;
            }
        }

        var service = Service(values, what);
        if (subcommand == "list")
        {
            return names.Count == 0
                ? new CliCommand.ListModels(service)
                : throw new CommandLineException($"models list takes no argument, not '{names[0]}'");
        }
        return names.Count switch
        {
            0 => throw new CommandLineException("models rebuild needs the model's name, e.g. ew models rebuild warnings-board (ew models list shows them)"),
            1 => new CliCommand.RebuildModel(service, names[0]),
            _ => throw new CommandLineException($"models rebuild takes one model, not {names.Count}; rebuild them one after the other"),
        };
    }

    /// <summary>The service a thin client calls (<c>--url</c>, default the host) and the key it presents (<c>--key</c> or <see cref="KeyVariable"/>).</summary>
    private static ServiceOptions Service(Dictionary<string, string> values, string what)
    {
        var key = values.GetValueOrDefault("--key") ?? Environment.GetEnvironmentVariable(KeyVariable);
        if (string.IsNullOrWhiteSpace(key))
            throw new CommandLineException($"{what} needs an operator's API key: --key <key> or the environment variable {KeyVariable}");
        var url = values.TryGetValue("--url", out var text) ? Address("--url", text, "http://127.0.0.1:5080", "http", "https") : DefaultServiceUrl;
        return new ServiceOptions(url, key);
    }
}
