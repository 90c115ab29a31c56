namespace EarlyWarning.Cli.CommandLine;

/// <summary>What the command line asks for: a closed hierarchy, consumed with <c>switch</c>.</summary>
internal abstract record CliCommand
{
    private CliCommand()
    {
    }

    /// <summary>Print <paramref name="Text"/> on standard output and succeed.</summary>
    public sealed record Help(string Text) : CliCommand;

    /// <summary><c>ew backtest</c>.</summary>
    public sealed record Backtest(BacktestOptions Options) : CliCommand;

    /// <summary><c>ew picture</c>: the picture as known at a moment.</summary>
    public sealed record Picture(PictureOptions Options) : CliCommand;

    /// <summary><c>ew rules check</c>: validate a rule file or directory.</summary>
    public sealed record CheckRules(string Path) : CliCommand;

    /// <summary><c>ew partners provision</c>: each partner's RabbitMQ user, permissions, exchange, queue and bindings.</summary>
    public sealed record ProvisionPartners(ProvisionOptions Options) : CliCommand;

    /// <summary><c>ew partners redeliver</c>: ask the service to send a partner's events again.</summary>
    public sealed record RedeliverToPartner(RedeliverOptions Options) : CliCommand;

    /// <summary><c>ew models list</c>: a service's read models and where they stand.</summary>
    public sealed record ListModels(ServiceOptions Service) : CliCommand;

    /// <summary><c>ew models rebuild</c>: ask a service to rebuild one of its read models from the store.</summary>
    public sealed record RebuildModel(ServiceOptions Service, string Model) : CliCommand;
}
