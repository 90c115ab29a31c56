using System.Text.Json;
using RabbitMQ.Client;

namespace EarlyWarning.Partners.Tests.Channels.Amqp;

/// <summary>A message taken from a partner's queue: its AMQP properties and its CloudEvent body.</summary>
public sealed record PartnerMessage(IReadOnlyBasicProperties Properties, string RoutingKey, JsonElement CloudEvent)
{
    public Guid Id => CloudEvent.GetProperty("id").GetGuid();

    public long Position => long.Parse(CloudEvent.GetProperty("position").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    public JsonElement Data => CloudEvent.GetProperty("data");
}
