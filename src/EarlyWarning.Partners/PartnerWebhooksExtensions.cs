using EarlyWarning.Partners.Channels;
using EarlyWarning.Partners.Channels.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace EarlyWarning.Partners;

public static class PartnerWebhooksExtensions
{
    /// <summary>
    /// Partner webhooks: every partner with a <c>Webhook</c> gets the events it is entitled to posted, signed, in store
    /// order, from its own checkpoint, with the policy of the <c>PartnerWebhooks</c> section; and operators can
    /// re-deliver by webhook (<see cref="IPartnerChannel"/> <c>webhook</c>). Adds the partners first if they are not.
    /// </summary>
    /// <exception cref="ArgumentException">A <c>PartnerWebhooks</c> or <c>Partners</c> setting is invalid; the message names its path.</exception>
    public static IHostApplicationBuilder AddPartnerWebhooks(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Services.Any(d => d.ServiceType == typeof(PartnerWebhooksOptions)))
            return builder;
        builder.AddPartners();
        var services = builder.Services;
        services.AddSingleton(PartnerWebhooksOptions.From(builder.Configuration));
        services.AddSingleton<PartnerWebhookSender>();
        services.AddHostedService<PartnerWebhooks>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPartnerChannel, WebhookPartnerChannel>());
        return builder;
    }
}
