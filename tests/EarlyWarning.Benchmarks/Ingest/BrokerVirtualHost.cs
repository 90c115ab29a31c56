using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace EarlyWarning.Benchmarks.Ingest;

/// <summary>
/// A RabbitMQ virtual host of one part of the run, made and deleted through the management API (port 15672):
/// the queues and exchanges ingest declares have fixed names, so a fresh virtual host keeps the run's messages
/// away from anyone else's consumers on the same broker, and theirs away from the run. The broker is
/// EW_TEST_RABBITMQ (an AMQP URI, as ./tests/run.sh sets it), else the local default.
/// </summary>
public sealed class BrokerVirtualHost : IAsyncDisposable
{
    public const string DefaultUri = "amqp://earlywarning:earlywarning@127.0.0.1:5672/";

    private BrokerVirtualHost(string name) => Name = name;

    public static Uri Broker => new(Environment.GetEnvironmentVariable("EW_TEST_RABBITMQ") is { Length: > 0 } configured ? configured : DefaultUri);

    public string Name { get; }

    /// <summary>The AMQP URI for <c>ConnectionStrings:RabbitMq</c>.</summary>
    public string Uri => new UriBuilder(Broker) { Path = "/" + System.Uri.EscapeDataString(Name) }.Uri.ToString();

    /// <exception cref="InfrastructureUnavailableException">The management API does not answer.</exception>
    public static async Task<BrokerVirtualHost> CreateAsync()
    {
        var name = "ew-bench-" + Guid.NewGuid().ToString("N")[..12];
        using var client = Management();
        await CallAsync(async () =>
        {
            (await client.PutAsync($"api/vhosts/{name}", Json("{}"))).EnsureSuccessStatusCode();
            var user = System.Uri.EscapeDataString(Credentials.User);
            (await client.PutAsync($"api/permissions/{name}/{user}", Json("""{"configure":".*","write":".*","read":".*"}"""))).EnsureSuccessStatusCode();
            return 0;
        });
        return new BrokerVirtualHost(name);
    }

    /// <summary>The broker's version, for the report.</summary>
    public static async Task<string> DescribeAsync()
    {
        using var client = Management();
        return await CallAsync(async () =>
        {
            using var overview = JsonDocument.Parse(await client.GetStringAsync("api/overview"));
            string Read(string property) => overview.RootElement.TryGetProperty(property, out var value) ? value.ToString() : "?";
            return $"RabbitMQ {Read("rabbitmq_version")} (Erlang {Read("erlang_version")}) at {Broker.Host}:{Broker.Port}";
        });
    }

    public async ValueTask DisposeAsync()
    {
        using var client = Management();
        using var _ = await client.DeleteAsync($"api/vhosts/{Name}");
    }

    private static (string User, string Password) Credentials
    {
        get
        {
            var parts = Broker.UserInfo.Split(':', 2);
            return (System.Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? System.Uri.UnescapeDataString(parts[1]) : "");
        }
    }

    private static async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
        {
            throw new InfrastructureUnavailableException(
                $"RabbitMQ's management API at {Broker.Host}:15672 (EW_TEST_RABBITMQ) failed: {ex.Message}. Start the broker: EW_RUNSH_INFRA_ONLY=1 ./tests/run.sh", ex);
        }
    }

    private static HttpClient Management()
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://{Broker.Host}:15672/"), Timeout = TimeSpan.FromSeconds(15) };
        var (user, password) = Credentials;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return client;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
