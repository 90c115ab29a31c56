using EarlyWarning.Contracts.Reports;
using EarlyWarning.ServiceDefaults;
using EarlyWarning.ServiceDefaults.Bus;
using EarlyWarning.Sources.Feed.Importing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EarlyWarning.Sources.Feed.Publishing;

/// <summary>
/// Publishes on the bus ServiceDefaults configures (RabbitMQ by this program's appsettings.json). A report
/// counts as published once the broker confirmed it (publisher confirms are on), so a clean exit means every
/// report is in RabbitMQ.
/// </summary>
internal sealed class BusReportPublisher : IReportPublisher, IAsyncDisposable
{
    private readonly IHost _host;
    private readonly IBus _bus;
    private readonly TimeSpan _publishTimeout;

    private BusReportPublisher(IHost host, BusConfiguration configuration, TimeSpan publishTimeout)
    {
        _host = host;
        _bus = host.Services.GetRequiredService<IBus>();
        Configuration = configuration;
        _publishTimeout = publishTimeout;
    }

    public BusConfiguration Configuration { get; }

    /// <summary>Reaches the broker and starts the bus.</summary>
    /// <exception cref="ArgumentException">The bus configuration is not usable.</exception>
    /// <exception cref="BrokerUnavailableException">The broker cannot be reached or the bus does not start in time.</exception>
    public static async Task<BusReportPublisher> StartAsync(HostApplicationBuilder builder, FeedSettings settings, CancellationToken cancellationToken)
    {
        builder.AddServiceDefaults();
        var bus = builder.AddEarlyWarningBus();
        builder.Services.Configure<MassTransitHostOptions>(options =>
        {
            options.WaitUntilStarted = true;
            options.StartTimeout = settings.ConnectTimeout;
            options.StopTimeout = TimeSpan.FromSeconds(10);
        });
        if (bus.Transport == BusConfiguration.RabbitMq)
        {
            if (await BrokerProbe.ProblemAsync(bus, settings.ConnectTimeout, cancellationToken) is { } problem)
                throw new BrokerUnavailableException($"cannot reach RabbitMQ at {bus.Describe()}: {problem}");
        }

        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            await DisposeHostAsync(host);
            throw new BrokerUnavailableException($"the bus on {bus.Describe()} did not start (waited at most {settings.ConnectTimeout.TotalSeconds:0} s): {ex.Message}", ex);
        }
        return new BusReportPublisher(host, bus, settings.PublishTimeout);
    }

    /// <summary>The host the bus runs in: appsettings.json beside the program, the environment, logs on stderr so stdout stays the summary.</summary>
    public static HostApplicationBuilder CreateBuilder()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        return builder;
    }

    public async Task PublishAsync(IncidentReported report, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_publishTimeout);
        try
        {
            await _bus.Publish(report, deadline.Token);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"the broker did not confirm report {report.ReportId} within {_publishTimeout.TotalSeconds:0} s", ex);
        }
    }

    public async ValueTask DisposeAsync() => await DisposeHostAsync(_host);

    private static async Task DisposeHostAsync(IHost host)
    {
        try
        {
            await host.StopAsync();
        }
        finally
        {
            host.Dispose();
        }
    }
}
