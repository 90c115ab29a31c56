namespace EarlyWarning.Cli.CommandLine;

/// <summary>What <c>ew partners provision</c> was asked for.</summary>
/// <param name="Config">A JSON settings file (as a service's appsettings.json) with the <c>Partners</c> section; the environment is read over it. Null for the environment alone.</param>
/// <param name="Amqp">The broker as an administrator's AMQP URI; null for <c>ConnectionStrings:RabbitMq</c> of the settings.</param>
/// <param name="Management">The management API's base URL, with credentials when they differ from the AMQP URI's; null for port 15672 of the AMQP host.</param>
/// <param name="Rotate">Partners whose existing user gets a new password.</param>
/// <param name="DryRun">Print the plan, change nothing.</param>
internal sealed record ProvisionOptions(string? Config, Uri? Amqp, Uri? Management, IReadOnlyList<string> Rotate, bool DryRun);
