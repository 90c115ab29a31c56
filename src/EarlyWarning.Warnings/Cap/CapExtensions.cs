using EarlyWarning.ServiceDefaults;
using EarlyWarning.ServiceDefaults.ReadModels;
using EarlyWarning.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EarlyWarning.Warnings.Cap;

/// <summary>CAP 1.2 for warnings (docs/cap.md): the documents, the Atom feed, and the index the feed is read from.</summary>
public static class CapExtensions
{
    /// <summary>
    /// Reads the <c>Cap</c> section now, so a bad sender or status stops the process before it starts, and follows
    /// the warning streams in the background for the feed. Needs the event store registered.
    /// </summary>
    /// <exception cref="ArgumentException">A <c>Cap</c> setting is invalid.</exception>
    public static IHostApplicationBuilder AddCap(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = CapOptions.From(builder.Configuration);
        builder.AddApiKeys();
        builder.Services.AddContracts();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<CapFeedIndex>();
        builder.Services.AddHostedService<CapFeedFollower>();
        builder.Services.AddReadModel<CapFeedReadModel>();
        return builder;
    }

    /// <summary>
    /// <c>GET /api/warnings/{id}/cap</c> (<c>?version=n</c>) and <c>GET /api/cap/feed</c> (<c>?limit=n</c>), behind an
    /// operator, admin or partner key; a partner reads through the <see cref="ICapAudience"/> registered, if any.
    /// </summary>
    public static WebApplication MapCapApi(this WebApplication app)
    {
        CapEndpoints.Map(app);
        return app;
    }
}
