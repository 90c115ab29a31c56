using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace EarlyWarning.Sources.Scenario;

/// <summary>Registers the scenario player in a service that has the bus (<c>AddEarlyWarningBus</c>).</summary>
public static class ScenarioServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ScenarioPlayer"/> as a singleton publishing through the bus (<see cref="IBus"/>), on
    /// <see cref="TimeProvider.System"/> unless a <see cref="TimeProvider"/> is registered already.
    /// </summary>
    public static IServiceCollection AddScenarioPlayer(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new ScenarioPlayer(
            sp.GetRequiredService<IBus>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ScenarioPlayer>>()));
        return services;
    }
}
