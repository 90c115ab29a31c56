using EarlyWarning.Partners.Replay;
using Microsoft.AspNetCore.Builder;

namespace EarlyWarning.Partners;

public static class PartnerReplayExtensions
{
    /// <summary>
    /// The operators' partner endpoints: <c>POST /api/partners/{name}/redeliver</c> through any registered
    /// <see cref="Channels.IPartnerChannel"/> (operator or admin key), and <c>GET /api/partners/{name}/deliveries?state=dead</c>
    /// (operator key). Needs the partners added.
    /// </summary>
    public static WebApplication MapPartnerReplayApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapRedeliver();
        app.MapPartnerDeliveries();
        return app;
    }
}
