using Microsoft.AspNetCore.Builder;

namespace EarlyWarning.Partners.Admin;

public static class PartnerAdminExtensions
{
    /// <summary>
    /// <c>GET|POST /api/admin/partners</c>, <c>GET|DELETE /api/admin/partners/{name}</c> and
    /// <c>POST /api/admin/partners/{name}/key</c>, admin key required. Needs <see cref="PartnersExtensions.AddPartners"/>.
    /// </summary>
    public static WebApplication MapPartnerAdminApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        PartnerAdminEndpoints.Map(app);
        return app;
    }
}
