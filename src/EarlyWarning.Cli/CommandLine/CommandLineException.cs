namespace EarlyWarning.Cli.CommandLine;

/// <summary>The command line is wrong; the message is what the user reads.</summary>
internal sealed class CommandLineException(string message) : Exception(message);
