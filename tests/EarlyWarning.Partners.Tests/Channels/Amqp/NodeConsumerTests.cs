using System.Text.Json;
using EarlyWarning.Contracts.Vocabulary;
using EarlyWarning.Contracts.Warnings;
using EarlyWarning.EventStore;
using EarlyWarning.Ingest;
using EarlyWarning.Partners.Channels;
using EarlyWarning.Partners.Channels.Amqp;
using EarlyWarning.Partners.Tests.Http;
using EarlyWarning.Testing;
using EarlyWarning.Warnings.Tests.Http;
using RabbitMQ.Client;

namespace EarlyWarning.Partners.Tests.Channels.Amqp;

/// <summary>
/// A partner's own consumer, written in Node.js against amqplib and the CloudEvents spec alone, logged in as the
/// partner's RabbitMQ user that <c>ew partners provision</c> made, reads what the relay published to its queue; and
/// the broker refuses that user everything of another partner's, and publishing to its own exchange.
/// </summary>
public sealed class NodeConsumerTests : IAsyncLifetime
{
    private static readonly Lazy<string> Ew = new(() => BuiltProgram.Locate("src", "EarlyWarning.Cli", assemblyName: "ew"));

    private readonly string _partner = $"node-{Guid.NewGuid().ToString("N")[..8]}";
    private VirtualHost _vhost = null!;
    private Dictionary<string, string?> _settings = null!;
    private Dictionary<string, string> _passwords = null!;

    /// <summary>Another partner whose name begins with this one's.</summary>
    private string Other => _partner + "-b";

    public async Task InitializeAsync()
    {
        _vhost = await RabbitMqServer.CreateVirtualHostAsync();
        _settings = new Dictionary<string, string?>
        {
            ["Partners:0:Name"] = _partner,
            ["Partners:0:KeySha256"] = new string('1', 64),
            ["Partners:0:Provinces:0"] = "khyber-pakhtunkhwa",
            ["Partners:0:Kinds:0"] = "incidents",
            ["Partners:0:Kinds:1"] = "warnings",
            ["Partners:0:MinimumSeverity"] = CapSeverity.Severe,
            ["Partners:1:Name"] = Other,
            ["Partners:1:KeySha256"] = new string('2', 64),
            ["Partners:1:Provinces:0"] = "balochistan",
            ["Partners:1:Kinds:0"] = "incidents",
        };
        _passwords = await ProvisionAsync();
    }

    public async Task DisposeAsync()
    {
        using var management = RabbitMqServer.Management();
        foreach (var partner in new[] { _partner, Other })
            using (await management.DeleteAsync($"api/users/{new PartnerTopology(partner).User}"))
            {
            }
        await _vhost.DisposeAsync();
    }

    [Fact]
    public async Task the_partners_own_consumer_reads_the_cloud_events_it_is_entitled_to_with_no_source_identity()
    {
        var storePath = TestWebApp.NewStorePath("ew-partners-node-tests");
        var settings = new Dictionary<string, string?>(_settings) { ["ConnectionStrings:RabbitMq"] = _vhost.Uri };
        var app = await TestWebApp.StartAsync(storePath, "duty-officer", settings, builder =>
        {
            builder.AddIngest();
            builder.AddPartners();
            builder.AddPartnerRelay();
        }, _ => { });
        List<(Guid Id, string Type, string RoutingKey)> expected;
        try
        {
            var ingest = app.Get<IncidentIngest>();
            await ingest.Ready;
            var kp = await ingest.ReportAsync(KpReports.In("node-kp-1"), null);
            var kech = await ingest.ReportAsync(Reports.In("node-kech-1", "Kech", null, 1), null);
            Assert.True(kp.IsAccepted && kech.IsAccepted);
            var severe = SampleWarnings.Coordinated(province: "khyber-pakhtunkhwa", severity: CapSeverity.Severe);
            var moderate = SampleWarnings.Coordinated(province: "khyber-pakhtunkhwa", severity: CapSeverity.Moderate);
            var countrywide = CountrywideWarning.Of(CapSeverity.Extreme);
            foreach (var warning in new[] { severe, moderate, countrywide })
                await WarningAppends.AppendAsync(app.Store, app.Registry, SampleWarnings.Raised(warning));

            expected =
            [
                (await FirstEventIdAsync(app.Store, IncidentStreamOf(kp.IncidentId!)), "V1.IncidentRecorded", "incident.khyber-pakhtunkhwa.peshawar.none"),
                (await FirstEventIdAsync(app.Store, WarningStreams.Warning(severe.WarningId)), "V1.WarningRaised", "warning.khyber-pakhtunkhwa.none.severe"),
                (await FirstEventIdAsync(app.Store, WarningStreams.Warning(countrywide.WarningId)), "V1.WarningRaised", "warning.khyber-pakhtunkhwa.none.extreme"),
            ];
            var head = (await app.Store.GetHeadPositionAsync()).Value;
            await Eventually.TrueAsync(async () => ((await app.Store.LoadCheckpointAsync(PartnerRelay.SubscriptionId))?.Value ?? 0) >= head,
                TimeSpan.FromSeconds(30), "the relay to publish everything");
        }
        finally
        {
            await app.DisposeAsync();
            TestWebApp.DeleteStoreFolder(storePath);
        }

        var topology = new PartnerTopology(_partner);
        var run = await NodeConsumer.RunAsync("read", PartnerUri(_partner), topology.Queue, expected.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), "20000");

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\n{string.Join('\n', run.Output)}\n{string.Join('\n', run.Errors)}");
        var messages = run.Output.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(
            expected,
            messages.Select(m => (m.GetProperty("event").GetProperty("id").GetGuid(), m.GetProperty("event").GetProperty("type").GetString()!, m.GetProperty("routingKey").GetString()!)));
        foreach (var message in messages)
        {
            var cloudEvent = message.GetProperty("event");
            Assert.Equal("1.0", cloudEvent.GetProperty("specversion").GetString());
            Assert.Equal(cloudEvent.GetProperty("id").GetString(), message.GetProperty("messageId").GetString());
            Assert.StartsWith("application/cloudevents+json", message.GetProperty("contentType").GetString(), StringComparison.Ordinal);
            Assert.True(cloudEvent.GetProperty("data").ValueKind == JsonValueKind.Object);
        }
        var output = string.Join('\n', run.Output);
        // The source's id, the report's id and the report's text are redacted by default.
        Assert.DoesNotContain("police-kech", output, StringComparison.Ordinal);
        Assert.DoesNotContain("node-kp-1", output, StringComparison.Ordinal);
        Assert.DoesNotContain("sourceId", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Militants attacked", output, StringComparison.Ordinal);
        // Acknowledged, so gone (a quorum queue's count follows its log, a moment after the consumer has left).
        var left = 0u;
        await Eventually.TrueAsync(async () => (left = await MessagesInAsync(topology.Queue)) == 0, TimeSpan.FromSeconds(10), "the acknowledged messages to leave the queue",
            () => $"{left} still in {topology.Queue}: {string.Join(", ", run.Output)}");
        // The other partner's queue got the Kech incident, which this partner never saw.
        Assert.Equal(1u, await MessagesInAsync(new PartnerTopology(Other).Queue));
    }

    [Fact]
    public async Task the_partner_is_refused_another_partners_queue_and_exchange_and_publishing_to_its_own()
    {
        var own = new PartnerTopology(_partner);
        var other = new PartnerTopology(Other);

        var run = await NodeConsumer.RunAsync("trespass", PartnerUri(_partner), own.Exchange, own.Queue, other.Exchange, other.Queue);

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\n{string.Join('\n', run.Output)}\n{string.Join('\n', run.Errors)}");
        var attempts = run.Output.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(5, attempts.Count);
        foreach (var attempt in attempts)
        {
            var what = attempt.GetProperty("attempt").GetString();
            Assert.True(attempt.GetProperty("refused").GetBoolean(), $"{what} was allowed");
            Assert.True(attempt.GetProperty("code").GetInt32() == 403, $"{what}: {attempt}");
            Assert.Contains("ACCESS_REFUSED", attempt.GetProperty("message").GetString(), StringComparison.Ordinal);
        }
        Assert.Equal(0u, await MessagesInAsync(own.Queue));
    }

    private async Task<Dictionary<string, string>> ProvisionAsync()
    {
        var environment = _settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);
        using var ew = ChildProcess.Start(Ew.Value, ["partners", "provision", "--amqp", _vhost.Uri], Repository.Root, environment);
        var exitCode = await ew.WaitForExitAsync(TimeSpan.FromMinutes(1));
        Assert.True(exitCode == 0, $"ew partners provision: exit {exitCode}\n{string.Join('\n', ew.Output)}\n{string.Join('\n', ew.Errors)}");
        return ew.Output.Where(l => l.StartsWith("password ", StringComparison.Ordinal)).Select(l => l.Split(' ')).ToDictionary(p => p[1], p => p[3]);
    }

    private string PartnerUri(string partner) =>
        new UriBuilder(_vhost.Uri) { UserName = new PartnerTopology(partner).User, Password = _passwords[partner] }.Uri.ToString();

    private async Task<uint> MessagesInAsync(string queue)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(_vhost.Uri) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
    }

    private static async Task<Guid> FirstEventIdAsync(IEventStore store, StreamName stream)
    {
        await foreach (var recorded in store.ReadStreamAsync(stream, Direction.Forwards, StreamRevision.Start, 1))
            return recorded.EventId;
        throw new InvalidOperationException($"{stream} is empty");
    }

    private static StreamName IncidentStreamOf(string incidentId) => Contracts.Incidents.IncidentStreams.Incident(incidentId);
}
