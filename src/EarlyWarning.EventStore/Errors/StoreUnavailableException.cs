namespace EarlyWarning.EventStore;

/// <summary>The store's database cannot be reached or opened.</summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : EventStoreException(message, inner);
