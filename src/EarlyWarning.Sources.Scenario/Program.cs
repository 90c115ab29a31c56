using EarlyWarning.Sources.Scenario.CommandLine;

return await ScenarioProgram.RunAsync(args);
