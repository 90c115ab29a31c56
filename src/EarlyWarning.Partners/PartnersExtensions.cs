using EarlyWarning.Partners.Cap;
using EarlyWarning.Partners.Feed;
using EarlyWarning.Partners.Registry;
using EarlyWarning.ServiceDefaults;
using EarlyWarning.ServiceDefaults.Security;
using EarlyWarning.Warnings.Cap;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EarlyWarning.Partners;

public static class PartnersExtensions
{
    /// <summary>
    /// The partners of the <c>Partners</c> section, validated (a bad setting throws <see cref="ArgumentException"/>
    /// with its path, which <see cref="ServiceHost"/> turns into exit 2), their keys accepted with the partner scope,
    /// the partners registered through the admin API (followed live from the store, their keys accepted and refused
    /// as they change), the feed that reads the store through their entitlements, and CAP read through the same
    /// entitlements (<see cref="ICapAudience"/>).
    /// </summary>
    public static IHostApplicationBuilder AddPartners(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Services.Any(d => d.ServiceType == typeof(PartnerRegistry)))
            return builder;
        var keys = builder.AddApiKeys();
        var (registry, partnerKeys) = PartnerRegistry.From(builder.Configuration, Gazetteer.Gazetteer.Default);
        foreach (var key in partnerKeys)
            keys.Add(key);
        registry.Use(keys);
        builder.Services.AddContracts();
        builder.Services.AddSingleton(registry);
        // The partners registered through the admin API: folded before the service starts, then followed live.
        builder.Services.AddHostedService<PartnerRegistryFollower>();
        builder.Services.AddSingleton(PartnerFeedOptions.From(builder.Configuration));
        builder.Services.AddSingleton<PartnerFeed>();
        builder.Services.AddSingleton<ICapAudience, PartnerCapAudience>();
        return builder;
    }

    /// <summary><c>GET /api/feed?from=&amp;limit=</c> and <c>GET /api/feed/live?from=</c>, partner key required.</summary>
    public static WebApplication MapPartnersApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapFeed();
        return app;
    }
}
