using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EarlyWarning.Partners.Channels;
using EarlyWarning.Testing;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace EarlyWarning.Cli.Tests.Partners;

/// <summary>What a test's virtual host holds for a partner, read through the management API as an administrator.</summary>
internal sealed class BrokerView(VirtualHost vhost) : IDisposable
{
    private readonly HttpClient _management = RabbitMqServer.Management();

    private string V => Uri.EscapeDataString(vhost.Name);

    public async Task<JsonElement?> UserAsync(string partner) => await GetAsync($"api/users/{new PartnerTopology(partner).User}");

    public async Task<JsonElement?> PermissionsAsync(string partner) => await GetAsync($"api/permissions/{V}/{new PartnerTopology(partner).User}");

    public async Task<JsonElement?> QueueAsync(string partner) => await GetAsync($"api/queues/{V}/{new PartnerTopology(partner).Queue}");

    /// <summary>The binding keys of the partner's queue from <paramref name="exchange"/> (its own by default), sorted.</summary>
    public async Task<List<string>> BindingKeysAsync(string partner, string? exchange = null)
    {
        var topology = new PartnerTopology(partner);
        var bindings = await GetAsync($"api/queues/{V}/{topology.Queue}/bindings");
        return bindings is { } list
            ? list.EnumerateArray().Where(b => b.GetProperty("source").GetString() == (exchange ?? topology.Exchange))
                .Select(b => b.GetProperty("routing_key").GetString()!).Order(StringComparer.Ordinal).ToList()
            : [];
    }

    /// <summary>Whether the partner's user can log in to the vhost with <paramref name="password"/> and see its queue.</summary>
    public async Task<bool> CanLogInAsync(string partner, string password)
    {
        var topology = new PartnerTopology(partner);
        var factory = new ConnectionFactory { Uri = new Uri(vhost.Uri), UserName = topology.User, Password = password, AutomaticRecoveryEnabled = false };
        try
        {
            await using var connection = await factory.CreateConnectionAsync();
            await using var channel = await connection.CreateChannelAsync();
            await channel.QueueDeclarePassiveAsync(topology.Queue);
            return true;
        }
        catch (BrokerUnreachableException ex) when (ex.InnerException is AuthenticationFailureException)
        {
            return false;
        }
    }

    /// <summary>Binds the partner's queue as an administrator might by hand.</summary>
    public async Task BindByHandAsync(string partner, string exchange, string key)
    {
        using var response = await _management.PostAsJsonAsync($"api/bindings/{V}/e/{Uri.EscapeDataString(exchange)}/q/{new PartnerTopology(partner).Queue}", new { routing_key = key });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Users are per broker, not per vhost: each test deletes its partners' users.</summary>
    public async Task DeleteUsersAsync(params string[] partners)
    {
        foreach (var partner in partners)
            using (await _management.DeleteAsync($"api/users/{new PartnerTopology(partner).User}"))
            {
            }
    }

    public void Dispose() => _management.Dispose();

    private async Task<JsonElement?> GetAsync(string path)
    {
        using var response = await _management.GetAsync(path);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
