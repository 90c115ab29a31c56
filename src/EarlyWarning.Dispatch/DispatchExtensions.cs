using EarlyWarning.Dispatch.Configuration;
using EarlyWarning.Dispatch.Delivery;
using EarlyWarning.Dispatch.Http;
using EarlyWarning.Dispatch.Processing;
using EarlyWarning.ServiceDefaults;
using EarlyWarning.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace EarlyWarning.Dispatch;

public static class DispatchExtensions
{
    /// <summary>
    /// The dispatch: reads and validates <c>Dispatch</c> now, so a bad recipient stops the process before it starts,
    /// then delivers warnings to the recipients in the background. Needs the event store registered first.
    /// </summary>
    /// <exception cref="ArgumentException">The <c>Dispatch</c> settings or the API keys are invalid.</exception>
    public static IHostApplicationBuilder AddDispatch(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = DispatchOptionsReader.From(builder.Configuration);
        builder.AddApiKeys();
        var services = builder.Services;
        services.AddContracts();
        services.AddSingleton(options);
        services.AddSingleton<DispatchStatus>();
        services.AddSingleton<StoreRetry>();
        services.AddSingleton(sp => new WebhookSender(options.Policy, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<WebhookSender>>()));
        services.AddTransient<DispatchRun>();
        services.AddHostedService<DispatchService>();
        services.AddHealthChecks().AddCheck<DispatchHealthCheck>("dispatch");
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource(DispatchTelemetry.Name));
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter(DispatchTelemetry.Name));
        return builder;
    }

    /// <summary>The operators' view of deliveries: <c>GET /api/deliveries</c> (operator scope).</summary>
    public static WebApplication MapDispatchApi(this WebApplication app)
    {
        app.MapDeliveriesApi();
        return app;
    }
}
