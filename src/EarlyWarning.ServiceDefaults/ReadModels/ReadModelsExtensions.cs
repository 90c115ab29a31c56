using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace EarlyWarning.ServiceDefaults.ReadModels;

public static class ReadModelsExtensions
{
    /// <summary>Registers <typeparamref name="T"/> once, as itself and as one of the process's <see cref="IReadModel"/>s.</summary>
    public static IServiceCollection AddReadModel<T>(this IServiceCollection services) where T : class, IReadModel
    {
        if (services.Any(d => d.ServiceType == typeof(T)))
            return services;
        services.AddSingleton<T>();
        services.AddSingleton<IReadModel>(sp => sp.GetRequiredService<T>());
        return services;
    }

    /// <summary>
    /// <c>GET /api/admin/models</c> and <c>POST /api/admin/models/{name}/rebuild</c>, for an operator or admin key, over
    /// every <see cref="IReadModel"/> the process registered. Needs the API keys and the event store registered.
    /// </summary>
    public static WebApplication MapReadModelsApi(this WebApplication app)
    {
        ReadModelEndpoints.Map(app);
        return app;
    }
}
