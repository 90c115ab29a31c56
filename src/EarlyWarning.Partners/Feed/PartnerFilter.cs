using EarlyWarning.Partners.Registry;
using EarlyWarning.ServiceDefaults.Http;
using EarlyWarning.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EarlyWarning.Partners.Feed;

/// <summary>
/// Runs after <see cref="ApiKeyExtensions.RequireScope{TBuilder}"/> with the partner scope: the caller must also
/// be a registered partner (a key given the partner scope under <c>Auth:Keys</c> has no entitlement), else 403.
/// The partner is left for the endpoint in <see cref="HttpContext.Items"/>.
/// </summary>
internal sealed class PartnerFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var caller = http.Caller();
        var partner = http.RequestServices.GetRequiredService<PartnerRegistry>().Find(caller);
        if (partner is null)
            return Problems.Create(StatusCodes.Status403Forbidden, "Not a partner", $"The key '{caller.Name}' is not registered under '{PartnerRegistry.Section}', so it is entitled to nothing.");
        http.Items[typeof(Partner)] = partner;
        return await next(context).ConfigureAwait(false);
    }
}
