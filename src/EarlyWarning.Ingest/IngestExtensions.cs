using EarlyWarning.Contracts;
using EarlyWarning.EventStore;
using EarlyWarning.Ingest.Bus;
using EarlyWarning.Ingest.Pipeline;
using EarlyWarning.Ingest.Validation;
using MassTransit;
using EarlyWarning.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EarlyWarning.Ingest;

public static class IngestExtensions
{
    /// <summary>Ingest's services: validation against the shipped gazetteer, the ingest loop, the rejection log.</summary>
    public static IHostApplicationBuilder AddIngest(this IHostApplicationBuilder builder)
    {
        var options = IngestOptions.From(builder.Configuration);
        var services = builder.Services;
        services.AddContracts();
        services.AddSingleton(options);
        services.AddSingleton(sp => new ReportValidator(Gazetteer.Gazetteer.Default, options, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IngestPipeline>();
        services.AddHostedService(sp => sp.GetRequiredService<IngestPipeline>());
        services.AddSingleton(sp => new IncidentIngest(sp.GetRequiredService<ReportValidator>(), sp.GetRequiredService<IngestPipeline>()));
        services.AddSingleton<RejectionLog>();
        services.AddSingleton<UnreadableMessageFilter>();
        return builder;
    }

    /// <summary>Ingest's consumers of <c>IncidentReported</c>, <c>IncidentCorrected</c> and <c>IncidentRetracted</c>, on endpoints of their own.</summary>
    public static IBusRegistrationConfigurator AddIngestConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<IncidentReportedConsumer, IngestConsumerDefinition<IncidentReportedConsumer>>();
        bus.AddConsumer<IncidentCorrectedConsumer, IngestConsumerDefinition<IncidentCorrectedConsumer>>();
        bus.AddConsumer<IncidentRetractedConsumer, IngestConsumerDefinition<IncidentRetractedConsumer>>();
        return bus;
    }
}
