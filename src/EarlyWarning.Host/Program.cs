using EarlyWarning.Host;

return await HostProgram.RunAsync(args);
