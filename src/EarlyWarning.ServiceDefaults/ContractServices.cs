using EarlyWarning.Contracts;
using EarlyWarning.EventStore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace EarlyWarning.ServiceDefaults;

public static class ContractServices
{
    /// <summary>
    /// What every service that reads or writes the store's events shares: the registry of the contracts' wire
    /// names and the clock. Registered once however many services a process hosts.
    /// </summary>
    public static IServiceCollection AddContracts(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => ContractTypes.CreateRegistry(sp.GetService<ILogger<EventTypeRegistry>>()));
        return services;
    }
}
