namespace EarlyWarning.Sources.Feed.Publishing;

/// <summary>The broker cannot be reached or the bus cannot start; the message says which broker and why.</summary>
internal sealed class BrokerUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
