using System.Text.Json;
using EarlyWarning.Contracts.Reports;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace EarlyWarning.Sources.Feed.Tests.Publishing;

/// <summary>
/// The feed's view of the test broker (<see cref="Testing.RabbitMqServer"/>): its own queue on the IncidentReported
/// exchange, drained. Unreachable is a failure with a clear message, never a skip.
/// </summary>
internal static class RabbitMqBroker
{
    /// <summary>The exchange MassTransit publishes <see cref="IncidentReported"/> to: fanout, durable, named after the type.</summary>
    public const string IncidentReportedExchange = "EarlyWarning.Contracts.Reports:IncidentReported";

    public static string Uri => Testing.RabbitMqServer.Uri.ToString();

    public static async Task<IConnection> ConnectAsync()
    {
        try
        {
            return await new ConnectionFactory { Uri = new Uri(Uri), ClientProvidedName = "feed-tests" }.CreateConnectionAsync();
        }
        catch (BrokerUnreachableException ex)
        {
            var uri = new Uri(Uri);
            throw new InvalidOperationException(
                $"RabbitMQ is required at {uri.Host}:{uri.Port} (EW_TEST_RABBITMQ) and cannot be reached: {ex.InnerException?.Message ?? ex.Message}. Run ./tests/run.sh, which starts it.", ex);
        }
    }

    /// <summary>
    /// A queue of this test's own, bound to the IncidentReported exchange before anything is published, so it
    /// receives a copy of every report from then on. The exchange is declared as MassTransit declares it, since
    /// no publisher may have created it yet.
    /// </summary>
    public static async Task<string> BindOwnQueueAsync(IChannel channel)
    {
        var queue = $"feed-tests-{Guid.NewGuid():N}";
        await channel.ExchangeDeclareAsync(IncidentReportedExchange, ExchangeType.Fanout, durable: true, autoDelete: false);
        await channel.QueueDeclareAsync(queue, durable: false, exclusive: true, autoDelete: true);
        await channel.QueueBindAsync(queue, IncidentReportedExchange, routingKey: "");
        return queue;
    }

    /// <summary>Every message in the queue now, unwrapped from MassTransit's envelope.</summary>
    public static async Task<List<IncidentReported>> DrainAsync(IChannel channel, string queue)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var reports = new List<IncidentReported>();
        while (await channel.BasicGetAsync(queue, autoAck: true) is { } delivery)
        {
            using var envelope = JsonDocument.Parse(delivery.Body);
            reports.Add(envelope.RootElement.GetProperty("message").Deserialize<IncidentReported>(options)!);
        }
        return reports;
    }
}
