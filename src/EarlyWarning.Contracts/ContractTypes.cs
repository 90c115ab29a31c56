using EarlyWarning.EventStore;

namespace EarlyWarning.Contracts;

/// <summary>Every recorded contract under its wire name, for readers and writers of the store.</summary>
public static class ContractTypes
{
    /// <summary>A registry that knows every <c>[EventType]</c> record of this assembly.</summary>
    public static EventTypeRegistry CreateRegistry(Microsoft.Extensions.Logging.ILogger<EventTypeRegistry>? logger = null) =>
        new EventTypeRegistry(logger: logger).RegisterAssembly(typeof(ContractTypes).Assembly);
}
