using EarlyWarning.Cli;

return await CliProgram.RunAsync(args);
