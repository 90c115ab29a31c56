using System.Net.Http.Headers;
using System.Text;

namespace EarlyWarning.Testing;

/// <summary>
/// The real RabbitMQ broker the tests run against: EW_TEST_RABBITMQ (an AMQP URI), as ./tests/run.sh sets it,
/// with the management API on port 15672. Each test that runs consumers gets a virtual host of its own, so
/// fixed queue and exchange names never cross between tests. Unreachable is a failure, never a skip.
/// </summary>
public static class RabbitMqServer
{
    public const string DefaultUri = "amqp://earlywarning:earlywarning@127.0.0.1:5672/";

    public static Uri Uri => new(Environment.GetEnvironmentVariable("EW_TEST_RABBITMQ") is { Length: > 0 } configured ? configured : DefaultUri);

    private static (string User, string Password) Credentials
    {
        get
        {
            var parts = Uri.UserInfo.Split(':', 2);
            return (Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "");
        }
    }

    /// <summary>The AMQP URI of a virtual host on the test broker.</summary>
    public static string UriFor(string virtualHost) =>
        new UriBuilder(Uri) { Path = "/" + Uri.EscapeDataString(virtualHost) }.Uri.ToString();

    /// <summary>Creates a fresh virtual host the test user may use fully; dispose it to delete it.</summary>
    public static async Task<VirtualHost> CreateVirtualHostAsync()
    {
        var name = "ew-test-" + Guid.NewGuid().ToString("N")[..12];
        using var client = Management();
        try
        {
            (await client.PutAsync($"api/vhosts/{name}", Json("{}"))).EnsureSuccessStatusCode();
            var user = Uri.EscapeDataString(Credentials.User);
            (await client.PutAsync($"api/permissions/{name}/{user}", Json("""{"configure":".*","write":".*","read":".*"}"""))).EnsureSuccessStatusCode();
        }
        catch (HttpRequestException ex)
        {
            throw new InvalidOperationException(
                $"RabbitMQ's management API is required at {Uri.Host}:15672 (EW_TEST_RABBITMQ) and failed: {ex.Message}. Run ./tests/run.sh, which starts the broker with it.", ex);
        }
        return new VirtualHost(name, UriFor(name));
    }

    internal static async Task DeleteVirtualHostAsync(string name)
    {
        using var client = Management();
        using var _ = await client.DeleteAsync($"api/vhosts/{name}");
    }

    /// <summary>A client of the test broker's management API (<c>api/…</c>), as the test user, an administrator.</summary>
    public static HttpClient Management()
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://{Uri.Host}:15672/"), Timeout = TimeSpan.FromSeconds(15) };
        var (user, password) = Credentials;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return client;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
