namespace EarlyWarning.Cli.Partners;

/// <summary>
/// A server the command talks to (RabbitMQ, its management API, the service) is unreachable, refused, or holds
/// something the command will not overwrite; the message is what the operator reads, and the exit code is 1.
/// </summary>
internal sealed class ServerException(string message, Exception? inner = null) : Exception(message, inner);
