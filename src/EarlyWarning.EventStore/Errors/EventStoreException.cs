namespace EarlyWarning.EventStore;

/// <summary>Base of the store's own failures (as opposed to bad arguments, which are <see cref="ArgumentException"/>s).</summary>
public abstract class EventStoreException(string message, Exception? inner = null) : Exception(message, inner);
