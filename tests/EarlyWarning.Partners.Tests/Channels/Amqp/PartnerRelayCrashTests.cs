using EarlyWarning.Contracts;
using EarlyWarning.Contracts.Incidents;
using EarlyWarning.EventStore;
using EarlyWarning.Partners.Entitlements;
using EarlyWarning.Partners.Registry;
using EarlyWarning.Partners.Tests.Entitlements;
using EarlyWarning.Partners.Tests.Http;
using EarlyWarning.ServiceDefaults;
using EarlyWarning.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace EarlyWarning.Partners.Tests.Channels.Amqp;

/// <summary>
/// The partners' service as its own process on PostgreSQL, killed with SIGKILL again and again while the relay
/// streams thousands of events, and started again on the same store: afterwards every partner's queue holds every
/// event it is entitled to, first seen in store order, and an event is seen again only in a re-send that starts at
/// the first of the partner's events after the checkpoint the killed process had stored.
/// </summary>
public sealed class PartnerRelayCrashTests(ITestOutputHelper output)
{
    private const int Kills = 4;
    private const int IncidentsPerRound = 1500;

    private int _sequence;

    [Fact]
    public async Task killing_the_relay_mid_stream_loses_nothing_and_resends_only_after_its_checkpoint()
    {
        await PostgresServer.EnsureReachableAsync();
        var schema = PostgresServer.NewSchemaName();
        await using var virtualHost = await RabbitMqServer.CreateVirtualHostAsync();
        try
        {
            await using var store = await new EventStoreConfiguration(EventStoreConfiguration.Postgres, "", PostgresServer.ConnectionString, schema).OpenAsync(NullLogger.Instance);
            var registry = ContractTypes.CreateRegistry();
            await AppendIncidentsAsync(store, registry, IncidentsPerRound);

            var checkpoints = new List<long>();
            var killedMidStream = 0;
            for (var i = 0; i <= Kills; i++)
            {
                using var service = Start(schema, virtualHost);
                if (i == Kills)
                {
                    var head = (await store.GetHeadPositionAsync()).Value;
                    await Eventually.TrueAsync(async () => await CheckpointAsync(store) >= head, TimeSpan.FromSeconds(120),
                        $"the relay's checkpoint to reach {head}", () => string.Join('\n', service.Errors));
                    break;
                }
                // Killed once this run has relayed something, so kills land while it streams, not only while it starts.
                // A run killed after it had relayed everything leaves nothing to relay, so more is appended first.
                var before = await CheckpointAsync(store);
                if (before >= (await store.GetHeadPositionAsync()).Value)
                    await AppendIncidentsAsync(store, registry, IncidentsPerRound / 5);
                await Eventually.TrueAsync(async () => await CheckpointAsync(store) > before, TimeSpan.FromSeconds(60),
                    "the restarted relay to store a checkpoint", () => string.Join('\n', service.Errors));
                // More arrives while it runs, so live relaying is interrupted as well as catching up.
                await AppendIncidentsAsync(store, registry, IncidentsPerRound);
                await Task.Delay(Random.Shared.Next(20, 150));
                await service.KillAsync();
                var at = await CheckpointAsync(store);
                var headAtKill = (await store.GetHeadPositionAsync()).Value;
                checkpoints.Add(at);
                output.WriteLine($"kill {i + 1}: checkpoint {at} of {headAtKill}");
                if (at < headAtKill)
                    killedMidStream++;
            }

            Assert.True(killedMidStream >= Kills - 1, $"only {killedMidStream} of {Kills} kills landed before the relay was done; the test did not test crashes");
            var partners = PartnerRegistry.From(new ConfigurationBuilder().AddInMemoryCollection(PartnersApp.Partners).Build(), Gazetteer.Gazetteer.Default).Registry.Partners;
            var queues = new PartnerQueues(virtualHost);
            foreach (var partner in partners)
            {
                var expected = await EntitledAsync(store, registry, partner.Entitlement);
                var messages = await queues.DrainAsync(partner.Name);
                output.WriteLine($"{partner.Name}: {expected.Count} entitled, {messages.Count} messages");
                Assert.Equal(expected.Select(e => e.Id), messages.Select(m => m.Id).Distinct());
                for (var k = 1; k < messages.Count; k++)
                {
                    if (messages[k].Position > messages[k - 1].Position)
                        continue;
                    // A re-send: it must start exactly where a killed run's stored checkpoint left this partner.
                    var restart = messages[k].Position;
                    Assert.Contains(checkpoints, c => expected.First(e => e.Position > c).Position == restart);
                }
            }
        }
        finally
        {
            await PostgresServer.DropSchemasAsync([schema]);
        }
    }

    /// <summary>Incidents in Khyber Pakhtunkhwa, in Turbat and in Quetta, in turn, each recorded on its own stream.</summary>
    private Task AppendIncidentsAsync(IEventStore store, EventTypeRegistry registry, int count)
    {
        var appends = new List<StreamAppend>();
        for (var i = 0; i < count; i++, _sequence++)
        {
            var location = (_sequence % 3) switch
            {
                0 => Incidents.Location("khyber-pakhtunkhwa", 34.0151, 71.5249),
                1 => Incidents.Location(),
                _ => Incidents.Location("balochistan", 30.1798, 66.9750),
            };
            var id = $"crash-{_sequence:D6}";
            var recorded = new IncidentRecorded(id, Incidents.Report(location), Incidents.Summary(location) with { IncidentId = id });
            appends.Add(new StreamAppend(IncidentStreams.Incident(id), ExpectedRevision.NoStream, [registry.ToEventData(recorded, EventIds.New())]));
        }
        return AppendInChunksAsync(store, appends);
    }

    private static async Task AppendInChunksAsync(IEventStore store, List<StreamAppend> appends)
    {
        foreach (var chunk in appends.Chunk(500))
            await store.AppendAsync(chunk);
    }

    private static async Task<List<AdmittedEvent>> EntitledAsync(IEventStore store, EventTypeRegistry registry, Entitlement entitlement)
    {
        var admitted = new List<AdmittedEvent>();
        await foreach (var recorded in store.ReadAllAsync(GlobalPosition.Start, long.MaxValue, Entitlement.Streams))
        {
            if (entitlement.Admit(recorded, registry) is { } e)
                admitted.Add(e);
        }
        return admitted;
    }

    private static async Task<long> CheckpointAsync(IEventStore store) =>
        (await store.LoadCheckpointAsync("partner-relay"))?.Value ?? 0;

    private static ChildProcess Start(string schema, VirtualHost virtualHost)
    {
        var environment = new Dictionary<string, string>
        {
            ["EventStore__Adapter"] = "postgres",
            ["ConnectionStrings__EventStore"] = PostgresServer.ConnectionString,
            ["EventStore__Postgres__Schema"] = schema,
            ["ConnectionStrings__RabbitMq"] = virtualHost.Uri,
            // Small batches, so a kill lands between many checkpoints rather than before the first.
            ["PartnerAmqp__BatchSize"] = "64",
            ["Urls"] = $"http://127.0.0.1:{Ports.Free()}",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in PartnersApp.Partners)
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value!;
        return ChildProcess.Start(BuiltProgram.Locate("src", "EarlyWarning.Partners.Service"), [], null, environment);
    }
}
