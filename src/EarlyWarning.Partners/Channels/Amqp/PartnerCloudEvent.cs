using System.Buffers;
using System.Globalization;
using System.Text.Json;
using EarlyWarning.Partners.Entitlements;
using RabbitMQ.Client;

namespace EarlyWarning.Partners.Channels.Amqp;

/// <summary>
/// An admitted event as a CloudEvents 1.0 message in structured mode (JSON event format): the context attributes
/// and <c>data</c> — the partner's redacted JSON, the same as the HTTP feed's — in one JSON body, and the AMQP
/// properties a broker or a partner's tooling reads without parsing it.
/// </summary>
public static class PartnerCloudEvent
{
    public const string ContentType = "application/cloudevents+json; charset=utf-8";
    public const string SpecVersion = "1.0";

    /// <summary>
    /// The extension attribute carrying the event's position in <c>$all</c> (what a partner re-delivers from), as a
    /// string of decimal digits: CloudEvents' Integer is 32-bit and positions are 64-bit (decision 0012).
    /// </summary>
    public const string PositionAttribute = "position";

    /// <summary>The JSON body: <c>specversion</c>, <c>id</c>, <c>source</c>, <c>type</c>, <c>subject</c>, <c>time</c>, <c>datacontenttype</c>, <c>position</c>, <c>data</c>.</summary>
    public static byte[] Body(AdmittedEvent admitted, string source)
    {
        ArgumentNullException.ThrowIfNull(admitted);
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("specversion", SpecVersion);
            json.WriteString("id", admitted.Id);
            json.WriteString("source", source);
            json.WriteString("type", admitted.Type);
            json.WriteString("subject", admitted.Stream);
            json.WriteString("time", admitted.Time.UtcDateTime);
            json.WriteString("datacontenttype", "application/json");
            json.WriteString(PositionAttribute, admitted.Position.ToString(CultureInfo.InvariantCulture));
            json.WritePropertyName("data");
            admitted.Data.WriteTo(json);
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Fresh properties for one publish (the client adds its confirm-tracking header to them, so never share them).</summary>
    public static BasicProperties Properties(AdmittedEvent admitted)
    {
        ArgumentNullException.ThrowIfNull(admitted);
        return new BasicProperties
        {
            ContentType = ContentType,
            MessageId = admitted.Id.ToString(),
            Type = admitted.Type,
            DeliveryMode = DeliveryModes.Persistent,
            Timestamp = new AmqpTimestamp(admitted.Time.ToUnixTimeSeconds()),
            AppId = "earlywarning",
        };
    }
}
