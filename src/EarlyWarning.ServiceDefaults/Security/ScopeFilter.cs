using EarlyWarning.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EarlyWarning.ServiceDefaults.Security;

/// <summary>
/// Lets a request through only with a key that has the scope (or one of the scopes): no or an unknown key is 401,
/// a key without it 403, both as problem details, and the endpoint never runs. The caller is left for the endpoint in
/// <see cref="HttpContext.Items"/> (<see cref="ApiKeyExtensions.Caller"/>).
/// </summary>
internal sealed class ScopeFilter(params string[] scopes) : IEndpointFilter
{
    private readonly string _named = scopes.Length == 1 ? $"the '{scopes[0]}' scope" : $"one of the scopes {string.Join(", ", scopes.Select(s => $"'{s}'"))}";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var keys = http.RequestServices.GetRequiredService<ApiKeys>();
        var caller = keys.Authenticate(http.Request);
        if (caller is null)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return ApiKeys.PresentsKey(http.Request)
                ? Problems.Create(StatusCodes.Status401Unauthorized, "Unknown API key", $"The key presented is not one this service accepts. Nothing was changed.")
                : Problems.Create(StatusCodes.Status401Unauthorized, "API key required", $"Present a key with {_named} as 'Authorization: Bearer <key>' or '{ApiKeys.HeaderName}: <key>'. Nothing was changed.");
        }
        if (!scopes.Any(caller.Has))
            return Problems.Create(StatusCodes.Status403Forbidden, "Not allowed for this key", $"The key '{caller.Name}' lacks {_named} this needs. Nothing was changed.");
        http.Items[typeof(ApiCaller)] = caller;
        return await next(context).ConfigureAwait(false);
    }
}
