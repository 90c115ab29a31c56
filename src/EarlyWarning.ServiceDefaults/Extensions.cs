using EarlyWarning.EventStore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace EarlyWarning.ServiceDefaults;

/// <summary>Keeps every service's Program.cs to a few lines: <c>builder.AddServiceDefaults()</c>.</summary>
public static class Extensions
{
    /// <summary>OpenTelemetry (exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set) and health checks.</summary>
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        var telemetry = builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing
                .AddSource(TracedEventStore.ActivitySourceName)
                .AddSource("MassTransit")
                .AddAspNetCoreInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(TracedEventStore.MeterName)
                .AddAspNetCoreInstrumentation());
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            telemetry.UseOtlpExporter();

        builder.Services.AddHealthChecks();
        // Errors, including unhandled ones and unknown routes, answer as RFC 7807 problem details.
        builder.Services.AddProblemDetails();
        return builder;
    }

    /// <summary>
    /// Opens the configured event store now, before the service starts listening, so a bad configuration or
    /// an unreachable database stops the service at once with the reason. Registers it traced, with a health check.
    /// </summary>
    /// <exception cref="ArgumentException">The configuration names no usable store.</exception>
    /// <exception cref="StoreUnavailableException">The store cannot be opened.</exception>
    public static async Task<IEventStore> AddEventStoreAsync(this IHostApplicationBuilder builder, CancellationToken cancellationToken = default)
    {
        var configuration = EventStoreConfiguration.From(builder.Configuration);
        // The store opens before the host is built, so it cannot use the host's logging: it gets a factory
        // of its own, configured from the same Logging section and disposed with the store.
        var loggers = LoggerFactory.Create(logging => logging
            .AddConfiguration(builder.Configuration.GetSection("Logging"))
            .AddSimpleConsole(console => console.SingleLine = true));
        var logger = loggers.CreateLogger("EarlyWarning.EventStore");

        IEventStore store;
        try
        {
            store = await configuration.OpenAsync(logger, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            loggers.Dispose();
            throw;
        }

        var traced = new TracedEventStore(store);
        builder.Services.AddSingleton(configuration);
        builder.Services.AddSingleton<IEventStore>(traced);
        builder.Services.AddHostedService(_ => new EventStoreLifetime(traced, loggers));
        builder.Services.AddHealthChecks().AddCheck<EventStoreHealthCheck>("eventstore");
        return traced;
    }

    /// <summary>/health: 200 when every check is healthy, 503 otherwise, with a JSON body.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync });
        return app;
    }
}
