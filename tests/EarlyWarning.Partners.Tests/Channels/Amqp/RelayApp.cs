using EarlyWarning.Contracts.Reports;
using EarlyWarning.Contracts.Warnings;
using EarlyWarning.EventStore;
using EarlyWarning.Ingest;
using EarlyWarning.Partners.Channels;
using EarlyWarning.Partners.Channels.Amqp;
using EarlyWarning.Partners.Entitlements;
using EarlyWarning.Partners.Feed;
using EarlyWarning.Partners.Registry;
using EarlyWarning.Partners.Tests.Http;
using EarlyWarning.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EarlyWarning.Partners.Tests.Channels.Amqp;

/// <summary>
/// The partners' service wired as its Program wires it, in the test process: a real SQLite file, ingest for incidents,
/// the feed, and the relay to a virtual host of its own on the real broker, with the four partners of
/// <see cref="PartnersApp"/>. Warning events are appended as the rules service appends them.
/// </summary>
public sealed class RelayApp : IAsyncDisposable
{
    private readonly TestWebApp _app;
    private readonly string _storePath;

    private RelayApp(TestWebApp app, string storePath, VirtualHost virtualHost)
    {
        _app = app;
        _storePath = storePath;
        VirtualHost = virtualHost;
        Queues = new PartnerQueues(virtualHost);
    }

    public VirtualHost VirtualHost { get; }

    public PartnerQueues Queues { get; }

    public IEventStore Store => _app.Store;

    public PartnerRelayStatus Status => _app.Get<PartnerRelayStatus>();

    public IPartnerChannel Channel => _app.App.Services.GetServices<IPartnerChannel>().Single(c => c.Name == "amqp");

    public Partner Partner(string name) => _app.Get<PartnerRegistry>().Partners.Single(p => p.Name == name);

    /// <param name="settings">Settings over the defaults, e.g. <c>PartnerAmqp:Source</c>.</param>
    public static async Task<RelayApp> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var virtualHost = await RabbitMqServer.CreateVirtualHostAsync();
        var storePath = TestWebApp.NewStorePath("ew-partners-relay-tests");
        var all = new Dictionary<string, string?>(PartnersApp.Partners)
        {
            ["ConnectionStrings:RabbitMq"] = virtualHost.Uri,
            ["PartnerAmqp:RetryDelay"] = "00:00:00.100",
            ["PartnerAmqp:MaxRetryDelay"] = "00:00:00.500",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;
        var app = await TestWebApp.StartAsync(storePath, "duty-officer", all, builder =>
        {
            builder.AddIngest();
            builder.AddPartners();
            builder.AddPartnerRelay();
        }, web => web.MapPartnersApi());
        await app.Get<IncidentIngest>().Ready;
        return new RelayApp(app, storePath, virtualHost);
    }

    /// <summary>Ingests a report as a source would; returns the incident's id.</summary>
    public Task<string> ReportAsync(IncidentReported report) => _app.ReportAsync(report);

    /// <summary>Appends a warning event as the rules service does: exact version on <c>warning-{id}</c>.</summary>
    public Task<long> AppendAsync(WarningSnapshot warning, int version) => _app.AppendWarningAsync(warning, version);

    /// <summary>Waits until the relay has stored a checkpoint at the store's head: every partner's queue then holds everything.</summary>
    public async Task CaughtUpAsync()
    {
        var head = await Store.GetHeadPositionAsync();
        await Eventually.TrueAsync(async () => await CheckpointAsync() >= head.Value, TimeSpan.FromSeconds(30),
            $"the relay's checkpoint to reach {head}", () => $"checkpoint {Status.Checkpoint}, failure: {Status.Failure}");
    }

    /// <summary>The relay's checkpoint as stored.</summary>
    public async Task<long> CheckpointAsync() => (await Store.LoadCheckpointAsync(PartnerRelay.SubscriptionId))?.Value ?? 0;

    /// <summary>Everything the HTTP feed gives a partner after <paramref name="from"/>, page by page, as the endpoint reads it.</summary>
    public async Task<List<AdmittedEvent>> FeedAsync(string partner, long from = 0)
    {
        var feed = _app.Get<PartnerFeed>();
        var entitlement = Partner(partner).Entitlement;
        var all = new List<AdmittedEvent>();
        while (true)
        {
            var page = await feed.ReadAsync(entitlement, from, PartnerFeed.MaxLimit, CancellationToken.None);
            all.AddRange(page.Events);
            if (page.Next == from)
                return all;
            from = page.Next;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await VirtualHost.DisposeAsync();
        TestWebApp.DeleteStoreFolder(_storePath);
    }
}
