using EarlyWarning.Contracts.Reports;

namespace EarlyWarning.Sources.Feed.Importing;

/// <summary>Where mapped reports go.</summary>
internal interface IReportPublisher
{
    /// <summary>Completes once the report is safely with the bus (on RabbitMQ: confirmed by the broker).</summary>
    Task PublishAsync(IncidentReported report, CancellationToken cancellationToken);
}
