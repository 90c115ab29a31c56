using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EarlyWarning.Partners.Channels;
using EarlyWarning.Testing;
using RabbitMQ.Client;

namespace EarlyWarning.Partners.Tests.Channels.Amqp;

/// <summary>What the tests do on the broker as partners and operators would: read a partner's queue, and through the management API close connections and set policies.</summary>
public sealed class PartnerQueues(VirtualHost virtualHost)
{
    /// <summary>Takes every message now in the partner's queue, in queue order.</summary>
    public async Task<List<PartnerMessage>> DrainAsync(string partner)
    {
        var factory = new ConnectionFactory { Uri = new Uri(virtualHost.Uri) };
        await using var connection = await factory.CreateConnectionAsync("ew-test-partner-" + partner);
        await using var channel = await connection.CreateChannelAsync();
        var messages = new List<PartnerMessage>();
        while (await channel.BasicGetAsync(new PartnerTopology(partner).Queue, autoAck: true) is { } delivery)
            messages.Add(new PartnerMessage(delivery.BasicProperties, delivery.RoutingKey, JsonDocument.Parse(delivery.Body).RootElement.Clone()));
        return messages;
    }

    /// <summary>Closes, as an operator would from the management UI, every connection the named client has open on this virtual host.</summary>
    public async Task<int> CloseConnectionsAsync(string clientName)
    {
        using var client = Management();
        var connections = await client.GetFromJsonAsync<JsonElement>($"api/vhosts/{Uri.EscapeDataString(virtualHost.Name)}/connections");
        var closed = 0;
        foreach (var connection in connections.EnumerateArray())
        {
            if (connection.GetProperty("client_properties").TryGetProperty("connection_name", out var name) && name.GetString() == clientName)
            {
                using var response = await client.DeleteAsync($"api/connections/{Uri.EscapeDataString(connection.GetProperty("name").GetString()!)}");
                response.EnsureSuccessStatusCode();
                closed++;
            }
        }
        return closed;
    }

    /// <summary>A policy on this virtual host, e.g. a length limit that makes the broker nack publishes to a queue.</summary>
    public async Task SetPolicyAsync(string name, string pattern, object definition)
    {
        using var client = Management();
        var body = JsonSerializer.Serialize(new Dictionary<string, object> { ["pattern"] = pattern, ["definition"] = definition, ["apply-to"] = "queues", ["priority"] = 10 });
        using var response = await client.PutAsync($"api/policies/{Uri.EscapeDataString(virtualHost.Name)}/{name}", new StringContent(body, Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The policy the broker applies to the partner's queue, or null.</summary>
    public async Task<string?> PolicyAsync(string partner)
    {
        using var client = Management();
        var queue = await client.GetFromJsonAsync<JsonElement>($"api/queues/{Uri.EscapeDataString(virtualHost.Name)}/{Uri.EscapeDataString(new PartnerTopology(partner).Queue)}");
        return queue.TryGetProperty("policy", out var policy) && policy.ValueKind == JsonValueKind.String ? policy.GetString() : null;
    }

    public async Task DeletePolicyAsync(string name)
    {
        using var client = Management();
        using var response = await client.DeleteAsync($"api/policies/{Uri.EscapeDataString(virtualHost.Name)}/{name}");
        response.EnsureSuccessStatusCode();
    }

    private static HttpClient Management()
    {
        var uri = RabbitMqServer.Uri;
        var client = new HttpClient { BaseAddress = new Uri($"http://{uri.Host}:15672/"), Timeout = TimeSpan.FromSeconds(15) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(uri.UserInfo))));
        return client;
    }
}
