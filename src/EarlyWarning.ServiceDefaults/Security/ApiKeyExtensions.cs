using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EarlyWarning.ServiceDefaults.Security;

public static class ApiKeyExtensions
{
    /// <summary>Registers the keys of <c>Auth:Keys</c> once, however many parts of a process ask for them, and returns them.</summary>
    /// <exception cref="ArgumentException">A configured key is malformed.</exception>
    public static ApiKeys AddApiKeys(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Services.FirstOrDefault(d => d.ServiceType == typeof(ApiKeys))?.ImplementationInstance is ApiKeys registered)
            return registered;
        var keys = ApiKeys.From(builder.Configuration);
        builder.Services.AddSingleton(keys);
        return keys;
    }

    /// <summary>Only callers whose key has <paramref name="scope"/> reach the endpoint.</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder endpoint, string scope) where TBuilder : IEndpointConventionBuilder =>
        endpoint.AddEndpointFilter(new ScopeFilter(scope));

    /// <summary>Only callers whose key has at least one of <paramref name="scopes"/> reach the endpoint (it tells them apart with <see cref="Caller"/>).</summary>
    public static TBuilder RequireAnyScope<TBuilder>(this TBuilder endpoint, params string[] scopes) where TBuilder : IEndpointConventionBuilder
    {
        if (scopes is not { Length: > 0 })
            throw new ArgumentException("Name at least one scope.", nameof(scopes));
        return endpoint.AddEndpointFilter(new ScopeFilter(scopes));
    }

    /// <summary>The caller the scope filter let through.</summary>
    /// <exception cref="InvalidOperationException">The endpoint has no <see cref="RequireScope{TBuilder}"/>.</exception>
    public static ApiCaller Caller(this HttpContext context) =>
        context?.Items[typeof(ApiCaller)] as ApiCaller ?? throw new InvalidOperationException("The endpoint is not behind RequireScope.");
}
