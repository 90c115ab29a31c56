using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EarlyWarning.EventStore;
using EarlyWarning.Partners.Tests.Http;
using RabbitMQ.Client;

namespace EarlyWarning.Partners.Tests.Channels.Amqp;

/// <summary>What a partner's consumer finds in a message: a CloudEvents 1.0 JSON body and AMQP properties that agree with it.</summary>
public sealed class CloudEventTests : IAsyncLifetime
{
    private RelayApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await RelayApp.StartAsync(new Dictionary<string, string?> { ["PartnerAmqp:Source"] = "https://earlywarning.example/store" });
        await _app.ReportAsync(KpReports.In("peshawar-1", "Peshawar"));
        await _app.CaughtUpAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task a_message_is_a_structured_cloudevent_of_the_stored_event()
    {
        var message = Assert.Single(await _app.Queues.DrainAsync("kp-incidents"));
        var recorded = await SingleIncidentEventAsync();
        var cloudEvent = message.CloudEvent;

        Assert.Equal(
            ["specversion", "id", "source", "type", "subject", "time", "datacontenttype", "position", "data"],
            cloudEvent.EnumerateObject().Select(p => p.Name));
        Assert.Equal("1.0", cloudEvent.GetProperty("specversion").GetString());
        Assert.Equal(recorded.EventId.ToString(), cloudEvent.GetProperty("id").GetString());
        Assert.Equal("https://earlywarning.example/store", cloudEvent.GetProperty("source").GetString());
        Assert.Equal("V1.IncidentRecorded", cloudEvent.GetProperty("type").GetString());
        Assert.Equal(recorded.Stream.Value, cloudEvent.GetProperty("subject").GetString());
        Assert.Equal("application/json", cloudEvent.GetProperty("datacontenttype").GetString());
        // RFC 3339 in UTC, to the store's microsecond.
        var time = cloudEvent.GetProperty("time").GetString()!;
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?Z$", time);
        Assert.Equal(recorded.RecordedAt, DateTimeOffset.Parse(time, CultureInfo.InvariantCulture));
        // A string of digits: CloudEvents' Integer is 32-bit, a store position is not.
        Assert.Equal(JsonValueKind.String, cloudEvent.GetProperty("position").ValueKind);
        Assert.Equal(recorded.Position.Value.ToString(CultureInfo.InvariantCulture), cloudEvent.GetProperty("position").GetString());
        var feed = Assert.Single(await _app.FeedAsync("kp-incidents"));
        Assert.True(JsonNode.DeepEquals(feed.Data, JsonNode.Parse(message.Data.GetRawText())));
    }

    [Fact]
    public async Task its_amqp_properties_name_the_event_and_keep_it_on_disk()
    {
        var message = Assert.Single(await _app.Queues.DrainAsync("kp-incidents"));
        var recorded = await SingleIncidentEventAsync();
        var properties = message.Properties;

        Assert.Equal("application/cloudevents+json; charset=utf-8", properties.ContentType);
        Assert.Equal(recorded.EventId.ToString(), properties.MessageId);
        Assert.Equal("V1.IncidentRecorded", properties.Type);
        Assert.Equal(DeliveryModes.Persistent, properties.DeliveryMode);
        Assert.Equal(recorded.RecordedAt.ToUnixTimeSeconds(), properties.Timestamp.UnixTime);
        Assert.Equal("incident.khyber-pakhtunkhwa.peshawar.none", message.RoutingKey);
    }

    private async Task<RecordedEvent> SingleIncidentEventAsync()
    {
        var events = new List<RecordedEvent>();
        await foreach (var e in _app.Store.ReadAllAsync(GlobalPosition.Start, 100, EventFilter.ForStreams("incident-")))
            events.Add(e);
        return Assert.Single(events);
    }
}
