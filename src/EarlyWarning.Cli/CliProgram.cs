using EarlyWarning.Cli.Backtesting;
using EarlyWarning.Cli.CommandLine;
using EarlyWarning.Cli.Partners;
using EarlyWarning.Cli.Picture;
using EarlyWarning.Cli.ReadModels;
using EarlyWarning.Cli.RuleFiles;
using EarlyWarning.EventStore;

namespace EarlyWarning.Cli;

/// <summary>
/// The executable. Every failure a user can cause or meet ends in lines on standard error starting <c>ew: </c> (the
/// rules' errors one a line, as file:line:column: message) and an exit code, never a stack trace.
/// </summary>
internal static class CliProgram
{
    public const int ExitUnavailable = 1;
    public const int ExitUsage = 2;
    public const int ExitStopped = 130;

    public static async Task<int> RunAsync(string[] args)
    {
        CliCommand command;
        try
        {
            command = CliParser.Parse(args);
        }
        catch (CommandLineException ex)
        {
            return Fail(ExitUsage, ex.Message);
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        try
        {
            switch (command)
            {
                case CliCommand.Help help:
                    Console.WriteLine(help.Text);
                    return 0;
                case CliCommand.CheckRules check:
                    RulesCheck.Run(check.Path, Console.Out);
                    return 0;
                case CliCommand.Picture picture:
                    await PictureRun.RunAsync(picture.Options, Console.Out, DateTimeOffset.UtcNow, stop.Token);
                    return 0;
                case CliCommand.ProvisionPartners provision:
                    await PartnerProvisioning.RunAsync(provision.Options, Console.Out, stop.Token);
                    return 0;
                case CliCommand.RedeliverToPartner redeliver:
                    await RedeliverRun.RunAsync(redeliver.Options, Console.Out, stop.Token);
                    return 0;
                case CliCommand.ListModels list:
                    await ReadModelsRun.ListAsync(list.Service, Console.Out, stop.Token);
                    return 0;
                case CliCommand.RebuildModel rebuild:
                    await ReadModelsRun.RebuildAsync(rebuild.Service, rebuild.Model, Console.Out, stop.Token);
                    return 0;
                case CliCommand.Backtest backtest:
                    await BacktestRun.RunAsync(backtest.Options, Console.Out, Console.Error, !Console.IsErrorRedirected, stop.Token);
                    return 0;
                default:
                    throw new InvalidOperationException($"unhandled command {command}");
            }
        }
        catch (RuleFilesException ex)
        {
            foreach (var line in ex.Errors)
                Console.Error.WriteLine(line);
            if (ex.Hint is not null)
                Console.Error.WriteLine(ex.Hint);
            var count = ex.Errors.Count == 1 ? "1 error" : $"{ex.Errors.Count} errors";
            return Fail(ExitUsage, $"{count} in the rules; {(command is CliCommand.CheckRules ? "they are not valid" : "nothing was evaluated")}");
        }
        catch (ArgumentException ex)
        {
            return Fail(ExitUsage, ex.Message);
        }
        catch (ServerException ex)
        {
            return Fail(ExitUnavailable, ex.Message);
        }
        catch (StoreUnavailableException ex)
        {
            return Fail(ExitUnavailable, ex.Message);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return Fail(ExitStopped, "stopped");
        }
    }

    private static int Fail(int code, string message)
    {
        Console.Error.WriteLine($"ew: {message}");
        return code;
    }
}
