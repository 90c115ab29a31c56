using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EarlyWarning.Contracts.Incidents;
using EarlyWarning.Testing;
using RabbitMQ.Client;

namespace EarlyWarning.Ingest.Tests.Bus;

/// <summary>
/// Malformed messages on a real RabbitMQ broker: each becomes a recorded <see cref="ReportRejected"/> with its
/// reasons, nothing else is recorded, and ingest goes on consuming. Sent with RabbitMQ.Client as any
/// publisher could, in MassTransit's envelope, to the exchange MassTransit publishes <c>IncidentReported</c> to.
/// </summary>
public sealed class RejectionOverTheBusTests
{
    private const string Exchange = "EarlyWarning.Contracts.Reports:IncidentReported";
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static JsonObject Valid() => JsonSerializer.SerializeToNode(Reports.Tump(), Web)!.AsObject();

    private static string Envelope(Guid messageId, string message) => $$"""
        {"messageId":"{{messageId}}","messageType":["urn:message:EarlyWarning.Contracts.Reports:IncidentReported"],"message":{{message}}}
        """;

    private static string Spoil(Action<JsonObject> spoil)
    {
        var report = Valid();
        spoil(report);
        return report.ToJsonString();
    }

    [Fact]
    public async Task malformed_messages_become_recorded_rejections_and_ingest_keeps_consuming()
    {
        await using var vhost = await RabbitMqServer.CreateVirtualHostAsync();
        await using var app = await IngestApp.StartAsync(rabbitMqUri: vhost.Uri);
        var cases = new (string Name, string Body, string Field)[]
        {
            ("missing fields", Envelope(Guid.NewGuid(), Spoil(r => { r.Remove("sourceId"); r.Remove("incidentType"); })), "sourceId"),
            ("unknown district", Envelope(Guid.NewGuid(), Spoil(r => r["location"]!["district"] = "Atlantis")), "location.district"),
            ("wrong types", Envelope(Guid.NewGuid(), Spoil(r => r["casualties"]!["securityForces"]!["killed"] = "two")), "$"),
            ("future dates", Envelope(Guid.NewGuid(), Spoil(r => { r["occurredAt"] = DateTimeOffset.UtcNow.AddDays(3).ToString("O"); r["reportedAt"] = DateTimeOffset.UtcNow.AddDays(3).ToString("O"); })), "occurredAt"),
            ("huge text", Envelope(Guid.NewGuid(), Spoil(r => r["text"] = new string('x', 300_000))), "text"),
            ("invalid JSON", "{\"messageId\": \"" + Guid.NewGuid() + "\", \"message\": {", "$"),
        };

        await PublishAsync(vhost.Uri, cases.Select(c => c.Body).Append(Envelope(Guid.NewGuid(), Valid().ToJsonString())));

        var rejections = await WaitForAsync(app, cases.Length);
        foreach (var (name, _, field) in cases)
            Assert.True(rejections.Any(r => r.Errors.Any(e => e.Field == field)), $"{name}: no rejection naming '{field}'");
        Assert.Equal(2, rejections.Count(r => r.MessageType == "unreadable"));
        Assert.All(rejections.Where(r => r.MessageType == "unreadable"), r => Assert.False(string.IsNullOrEmpty(r.Excerpt)));
        var events = await app.ReadAllAsync();
        Assert.Single(events.OfType<IncidentRecorded>());
        Assert.Equal(cases.Length + 2, events.Count);
        // The unreadable ones are also kept whole in the endpoint's error queue.
        Assert.Equal(2u, await CountAsync(vhost.Uri, "ingest-incident-reported_error", 2));
    }

    [Fact]
    public async Task a_message_redelivered_after_its_rejection_is_recorded_once()
    {
        await using var vhost = await RabbitMqServer.CreateVirtualHostAsync();
        await using var app = await IngestApp.StartAsync(rabbitMqUri: vhost.Uri);
        var body = Envelope(Guid.NewGuid(), Spoil(r => r["incidentType"] = "riot"));

        await PublishAsync(vhost.Uri, [body, body, body]);
        await PublishAsync(vhost.Uri, [Envelope(Guid.NewGuid(), Valid().ToJsonString())]);

        await WaitForIncidentAsync(app);
        var rejections = (await app.ReadAllAsync()).OfType<ReportRejected>().ToList();
        Assert.Single(rejections);
    }

    private static async Task PublishAsync(string uri, IEnumerable<string> bodies)
    {
        var factory = new ConnectionFactory { Uri = new Uri(uri) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await channel.ExchangeDeclareAsync(Exchange, ExchangeType.Fanout, durable: true);
        foreach (var body in bodies)
        {
            var properties = new BasicProperties { ContentType = "application/vnd.masstransit+json", Persistent = true };
            await channel.BasicPublishAsync(Exchange, "", mandatory: false, properties, Encoding.UTF8.GetBytes(body));
        }
    }

    private static async Task<uint> CountAsync(string uri, string queue, uint expected)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(uri) }.CreateConnectionAsync();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            // The error transport moves a message after its rejection is recorded, and declares the error
            // queue only then: until it has, the queue does not exist (the broker closes the channel with 404).
            uint count = 0;
            try
            {
                await using var channel = await connection.CreateChannelAsync();
                count = (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
            {
            }
            if (count >= expected || DateTime.UtcNow > deadline)
                return count;
            await Task.Delay(200);
        }
    }

    private static async Task<List<ReportRejected>> WaitForAsync(IngestApp app, int count)
    {
        await Eventually.TrueAsync(async () =>
        {
            var events = await app.ReadAllAsync();
            return events.OfType<ReportRejected>().Count() >= count && events.OfType<IncidentRecorded>().Any();
        }, TimeSpan.FromSeconds(60), $"{count} rejections and the valid report");
        return (await app.ReadAllAsync()).OfType<ReportRejected>().ToList();
    }

    private static Task WaitForIncidentAsync(IngestApp app) =>
        Eventually.TrueAsync(async () => (await app.ReadAllAsync()).OfType<IncidentRecorded>().Any(), TimeSpan.FromSeconds(60), "the valid report");
}
