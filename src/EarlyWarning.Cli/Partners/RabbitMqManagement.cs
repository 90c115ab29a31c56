using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace EarlyWarning.Cli.Partners;

/// <summary>
/// The few calls of RabbitMQ's management HTTP API that provisioning needs: what exists (users, permissions,
/// exchanges, queues, bindings), and the changes AMQP cannot make (users, permissions, removing a binding the caller
/// does not know the arguments of). Every failure is a <see cref="ServerException"/> naming the API and the reason.
/// </summary>
internal sealed class RabbitMqManagement : IDisposable
{
    private readonly HttpClient _http;
    private readonly string _user;

    /// <param name="address">The API's base URL; credentials in it are not sent as part of it.</param>
    /// <param name="user">An administrator's user name.</param>
    /// <param name="password">Its password.</param>
    public RabbitMqManagement(Uri address, string user, string password)
    {
        Address = new UriBuilder(address) { UserName = "", Password = "", Path = address.AbsolutePath.TrimEnd('/') + "/api/" }.Uri;
        _user = user;
        _http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(15) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
    }

    public Uri Address { get; }

    /// <summary>One path segment: a vhost, user, exchange or queue name (<c>/</c> is <c>%2F</c>).</summary>
    public static string Segment(string name) => Uri.EscapeDataString(name);

    /// <summary>The resource as JSON, or null when the API answers 404.</summary>
    public async Task<JsonElement?> GetAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;
        await EnsureSuccessAsync(response, HttpMethod.Get, path, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken).ConfigureAwait(false);
    }

    public async Task PutAsync(string path, object body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Put, path, JsonContent.Create(body), cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, HttpMethod.Put, path, cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Delete, path, null, cancellationToken).ConfigureAwait(false);
        // Gone already is what was asked for.
        if (response.StatusCode != HttpStatusCode.NotFound)
            await EnsureSuccessAsync(response, HttpMethod.Delete, path, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        try
        {
            return await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new ServerException($"RabbitMQ's management API at {Address} cannot be reached: {ex.Message.TrimEnd('.')}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ServerException($"RabbitMQ's management API at {Address} did not answer within {_http.Timeout.TotalSeconds:0} s", ex);
        }
    }

    private async Task EnsureSuccessAsync(HttpResponseMessage response, HttpMethod method, string path, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
            return;
        if (response.StatusCode == HttpStatusCode.Unauthorized)
            throw new ServerException($"RabbitMQ's management API at {Address} refused user '{_user}' (401): provisioning needs an administrator's user name and password");
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var reason = body;
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.TryGetProperty("reason", out var text))
                reason = text.ToString();
        }
        catch (JsonException)
        {
        }
        throw new ServerException($"RabbitMQ's management API answered {method} {path} with {(int)response.StatusCode}: {reason}");
    }
}
