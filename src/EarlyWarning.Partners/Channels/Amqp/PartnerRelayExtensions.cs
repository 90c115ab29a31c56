using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EarlyWarning.Partners.Channels.Amqp;

public static class PartnerRelayExtensions
{
    /// <summary>
    /// The AMQP relay (decision 0012) and re-delivery over AMQP (<see cref="IPartnerChannel"/> named <c>amqp</c>),
    /// when <c>ConnectionStrings:RabbitMq</c> is set and <c>PartnerAmqp:Enabled</c> is not false; otherwise only a
    /// log line at start saying why not. Needs the event store and <see cref="PartnersExtensions.AddPartners"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A <c>PartnerAmqp</c> setting or the connection string is malformed.</exception>
    public static IHostApplicationBuilder AddPartnerRelay(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(PartnerAmqpOptions)))
            return builder;
        var options = PartnerAmqpOptions.From(builder.Configuration);
        services.AddSingleton(options);
        if (!options.Relays)
        {
            var reason = options.Enabled
                ? "no RabbitMQ connection string (ConnectionStrings:RabbitMq)"
                : $"{PartnerAmqpOptions.Section}:Enabled is false";
            services.AddHostedService(sp => new PartnerRelayOff(reason, sp.GetRequiredService<ILogger<PartnerRelayOff>>()));
            return builder;
        }
        services.AddSingleton<PartnerAmqpConnections>();
        services.AddSingleton<PartnerRelayStatus>();
        services.AddSingleton<IPartnerChannel, AmqpPartnerChannel>();
        services.AddHostedService<PartnerRelay>();
        services.AddHealthChecks().AddCheck<PartnerRelayHealthCheck>("partner-relay");
        return builder;
    }
}
