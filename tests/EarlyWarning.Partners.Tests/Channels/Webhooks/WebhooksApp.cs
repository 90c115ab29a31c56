using System.Net.Http.Json;
using System.Text.Json;
using EarlyWarning.Contracts.Reports;
using EarlyWarning.Contracts.Warnings;
using EarlyWarning.Dispatch.Tests;
using EarlyWarning.EventStore;
using EarlyWarning.EventStore.Sqlite;
using EarlyWarning.Ingest;
using EarlyWarning.Partners.Channels.Webhooks;
using EarlyWarning.Partners.Tests.Http;
using EarlyWarning.ServiceDefaults.Security;
using EarlyWarning.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace EarlyWarning.Partners.Tests.Channels.Webhooks;

/// <summary>
/// The partners' service with webhooks and the operators' re-delivery, wired as a host wires it, in the test process:
/// a real SQLite file, ingest for incidents, the four partners of <see cref="PartnersApp"/>, some of them with a
/// webhook on a real <see cref="Receiver"/>, and a fast retry policy. Warning events are appended as the rules
/// service appends them.
/// </summary>
public sealed class WebhooksApp : IAsyncDisposable
{
    /// <summary>Retries quick enough for tests: 8 attempts 50 ms to 200 ms apart.</summary>
    public static readonly Dictionary<string, string?> FastPolicy = new()
    {
        ["PartnerWebhooks:Attempts"] = "8",
        ["PartnerWebhooks:BaseDelay"] = "00:00:00.050",
        ["PartnerWebhooks:MaxDelay"] = "00:00:00.200",
        ["PartnerWebhooks:AttemptTimeout"] = "00:00:05",
        ["PartnerWebhooks:RegistryPoll"] = "00:00:00.100",
        ["PartnerWebhooks:RestartDelay"] = "00:00:00.200",
    };

    private readonly Receiver _receiver;
    private readonly IReadOnlyDictionary<string, ReceiverEndpoint> _webhooks;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private TestWebApp? _app;

    private WebhooksApp(string storePath, Receiver receiver, IReadOnlyDictionary<string, ReceiverEndpoint> webhooks, IReadOnlyDictionary<string, string?> settings)
    {
        StorePath = storePath;
        _receiver = receiver;
        _webhooks = webhooks;
        _settings = settings;
    }

    public string StorePath { get; }

    public TestWebApp Web => _app ?? throw new InvalidOperationException("The app is stopped.");

    public HttpClient Http => Web.Http;

    public IEventStore Store => Web.Store;

    public EventTypeRegistry Registry => Web.Registry;

    /// <summary>Starts on a new store with a webhook, on <paramref name="receiver"/>'s path of the partner's name, for each partner of <paramref name="webhooks"/>.</summary>
    public static async Task<WebhooksApp> StartAsync(Receiver receiver, IReadOnlyDictionary<string, ReceiverEndpoint> webhooks, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(PartnersApp.Partners);
        foreach (var (key, value) in FastPolicy)
            all[key] = value;
        foreach (var (partner, endpoint) in webhooks)
        {
            var index = PartnersApp.Partners.Single(p => p.Key.EndsWith(":Name", StringComparison.Ordinal) && p.Value == partner).Key.Split(':')[1];
            all[$"Partners:{index}:Webhook:Url"] = receiver.Add(partner, endpoint).ToString();
            all[$"Partners:{index}:Webhook:Secret"] = endpoint.Secret;
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;
        var app = new WebhooksApp(TestWebApp.NewStorePath("ew-partners-webhooks-tests"), receiver, webhooks, all);
        await app.StartAsync();
        return app;
    }

    /// <summary>Starts (again) on the same store; returns once every webhook partner has its checkpoint, so what is recorded from now on is delivered.</summary>
    public async Task StartAsync()
    {
        _app = await TestWebApp.StartAsync(StorePath, "duty-officer", _settings, builder =>
        {
            builder.AddIngest();
            builder.AddPartners();
            builder.AddPartnerWebhooks();
        }, web =>
        {
            web.MapPartnersApi();
            web.MapPartnerReplayApi();
        });
        await _app.Get<IncidentIngest>().Ready;
        foreach (var partner in _webhooks.Keys)
        {
            await Eventually.TrueAsync(async () => await CheckpointAsync(partner) is not null, TimeSpan.FromSeconds(30), $"the webhook of {partner} to store its checkpoint");
        }
    }

    /// <summary>Stops the service the way a host stops: each partner's loop writes its checkpoint.</summary>
    public async Task StopAsync()
    {
        await Web.DisposeAsync();
        _app = null;
    }

    /// <summary>Appends warning events to the store file while the service is stopped, as another writer would.</summary>
    public async Task AppendWhileStoppedAsync(params object[] warningEvents)
    {
        Assert.Null(_app);
        await using var store = await SqliteEventStore.OpenAsync(new SqliteEventStoreSettings(StorePath), null, NullLogger.Instance);
        var registry = Contracts.ContractTypes.CreateRegistry();
        foreach (var warningEvent in warningEvents)
            await WarningAppends.AppendAsync(store, registry, warningEvent);
    }

    public async Task<GlobalPosition?> CheckpointAsync(string partner) =>
        await Store.LoadCheckpointAsync(PartnerWebhookDelivery.SubscriptionId(partner));

    /// <summary>Ingests a report as a source would; returns the incident's id.</summary>
    public Task<string> ReportAsync(IncidentReported report) => Web.ReportAsync(report);

    /// <summary>Appends a warning event as the rules service does: exact version on <c>warning-{id}</c>.</summary>
    public Task<long> AppendAsync(WarningSnapshot warning, int version) => Web.AppendWarningAsync(warning, version);

    /// <summary>Every event the HTTP feed gives a partner's key, as the JSON the feed sends.</summary>
    public async Task<List<JsonElement>> FeedAsync(string key)
    {
        var all = new List<JsonElement>();
        var from = 0L;
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/feed?from={from}&limit=1000");
            request.Headers.Add(ApiKeys.HeaderName, key);
            using var response = await Http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            var page = await response.Content.ReadFromJsonAsync<JsonElement>();
            all.AddRange(page.GetProperty("events").EnumerateArray());
            var next = page.GetProperty("next").GetInt64();
            if (next == from)
                return all;
            from = next;
        }
    }

    /// <summary>The requests a partner's receiver accepted (2xx), in the order they came.</summary>
    public IReadOnlyList<ReceivedRequest> Accepted(string partner) => _receiver.For(partner).Where(r => r.Status == 200).ToList();

    /// <summary>Waits until a partner's receiver has accepted <paramref name="count"/> requests.</summary>
    public Task AcceptedAsync(string partner, int count) =>
        Eventually.TrueAsync(() => Accepted(partner).Count >= count, TimeSpan.FromSeconds(30), $"{count} requests accepted by {partner}'s receiver",
            () => $"{Accepted(partner).Count} accepted of {_receiver.For(partner).Count} received");

    public async Task<HttpResponseMessage> PostAsync(string path, string json, string? key = TestApiKeys.Operator)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        if (key is not null)
            request.Headers.Add(ApiKeys.HeaderName, key);
        return await Http.SendAsync(request);
    }

    public async Task<HttpResponseMessage> GetAsync(string path, string? key = TestApiKeys.Operator)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null)
            request.Headers.Add(ApiKeys.HeaderName, key);
        return await Http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
        TestWebApp.DeleteStoreFolder(StorePath);
    }
}
