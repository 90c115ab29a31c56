using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EarlyWarning.ServiceDefaults.Bus;

/// <summary>The bus, configured in one place for every service: transport, endpoint names, retries, error queues.</summary>
public static class BusExtensions
{
    /// <summary>
    /// Adds MassTransit on the transport <see cref="BusConfiguration"/> selects, with the service's consumers.
    /// Every receive endpoint gets kebab-case names, bounded prefetch and concurrency, retries with back-off
    /// (in-process), redelivery later where the transport can delay a message, and, once those are spent, the
    /// <c>_error</c> queue MassTransit keeps per endpoint: a message
    /// is acknowledged to the broker only after its consumer finished or it was moved there, so none is lost.
    /// On RabbitMQ the queues are quorum queues and publishes wait for the broker's confirm (decision 0005).
    /// </summary>
    /// <exception cref="ArgumentException">The bus configuration is not usable.</exception>
    public static BusConfiguration AddEarlyWarningBus(this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator>? configure = null)
    {
        var bus = BusConfiguration.From(builder.Configuration);
        builder.Services.AddSingleton(bus);
        builder.Services.AddMassTransit(x =>
        {
            x.SetKebabCaseEndpointNameFormatter();
            // MassTransit 8.5 reports usage to its vendor after a few minutes; the machines here are offline,
            // and a security system does not phone home.
            x.DisableUsageTelemetry();
            configure?.Invoke(x);
            x.AddConfigureEndpointsCallback((_, _, endpoint) =>
            {
                endpoint.PrefetchCount = bus.PrefetchCount;
                endpoint.ConcurrentMessageLimit = bus.ConcurrentMessageLimit;
                // Redelivery needs a transport that can delay a message. The in-memory one can; RabbitMQ needs the
                // delayed-message-exchange plugin, which Debian does not ship (decision 0005).
                if (bus.Transport == BusConfiguration.InMemory && bus.RedeliveryIntervals.Count > 0)
                    endpoint.UseDelayedRedelivery(redelivery => redelivery.Intervals([.. bus.RedeliveryIntervals]));
                if (bus.RetryLimit > 0)
                {
                    endpoint.UseMessageRetry(retry =>
                    {
                        retry.Exponential(bus.RetryLimit, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(300));
                        // A message that cannot be read fails the same way every time.
                        retry.Ignore<Exception>(exception => exception.GetType().Name == "SerializationException" || exception is System.Text.Json.JsonException);
                    });
                }
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                    rabbit.SetQuorumQueue();
            });

            if (bus.Transport == BusConfiguration.RabbitMq)
            {
                x.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(bus.Host, (ushort)bus.Port, bus.VirtualHost, host =>
                    {
                        host.Username(bus.Username);
                        host.Password(bus.Password);
                        host.PublisherConfirmation = true;
                    });
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                x.UsingInMemory((context, cfg) =>
                {
                    cfg.UseDelayedMessageScheduler();
                    cfg.ConfigureEndpoints(context);
                });
            }
        });
        return bus;
    }
}
