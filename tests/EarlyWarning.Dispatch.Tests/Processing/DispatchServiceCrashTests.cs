using EarlyWarning.Contracts;
using EarlyWarning.Contracts.Soc;
using EarlyWarning.EventStore;
using EarlyWarning.ServiceDefaults;
using EarlyWarning.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace EarlyWarning.Dispatch.Tests.Processing;

/// <summary>
/// The dispatch as its own process on PostgreSQL, killed with SIGKILL again and again while slow receivers hold its
/// deliveries open, and started again on the same store: afterwards every recipient has every version, the store
/// holds exactly one <c>WarningDelivered</c> per warning, version and recipient, and a receiver saw a key again at
/// most once per kill (the one delivery it had in flight).
/// </summary>
public sealed class DispatchServiceCrashTests(ITestOutputHelper output)
{
    private const int Kills = 5;
    private const int Warnings = 4;
    private const int RecipientCount = 4;

    [Fact]
    public async Task killing_the_dispatch_mid_delivery_loses_no_delivery_and_records_each_once()
    {
        await PostgresServer.EnsureReachableAsync();
        var schema = PostgresServer.NewSchemaName();
        await using var receiver = await Receiver.StartAsync();
        var recipients = Enumerable.Range(0, RecipientCount).Select(i => ($"crash-{i}", receiver.Add($"crash-{i}", new ReceiverEndpoint(Recipients.Secret)
        {
            Delay = TimeSpan.FromMilliseconds(150),
            FailFirst = i == 0 ? 3 : 0,
        }))).ToArray();
        try
        {
            await using var store = await new EventStoreConfiguration(EventStoreConfiguration.Postgres, "", PostgresServer.ConnectionString, schema).OpenAsync(NullLogger.Instance);
            var registry = ContractTypes.CreateRegistry();
            var ids = Enumerable.Range(0, Warnings).Select(_ => SampleWarnings.NewId()).ToList();
            var versions = ids.ToDictionary(id => id, _ => 2);
            foreach (var id in ids)
            {
                var snapshot = SampleWarnings.Snapshot(id);
                await WarningAppends.AppendAsync(store, registry, SampleWarnings.Raised(snapshot));
                await WarningAppends.AppendAsync(store, registry, SampleWarnings.Updated(snapshot with { Killed = 13 }, 2));
            }

            var random = new Random(20260131);
            var killedInFlight = 0;
            for (var i = 0; i <= Kills; i++)
            {
                using var dispatch = Start(schema, recipients);
                if (i == Kills)
                {
                    var expected = versions.Values.Sum() * RecipientCount;
                    await Eventually.TrueAsync(async () => (await OutcomesAsync(store, registry)).Count >= expected, TimeSpan.FromSeconds(60),
                        $"{expected} recorded deliveries", () => string.Join('\n', dispatch.Errors));
                    break;
                }
                // Killed once this run has recorded something, so kills land while deliveries flow, not only while it starts.
                var before = (await OutcomesAsync(store, registry)).Count;
                await Eventually.TrueAsync(async () => (await OutcomesAsync(store, registry)).Count > before, TimeSpan.FromSeconds(60),
                    "the restarted dispatch to record a delivery", () => string.Join('\n', dispatch.Errors));
                // A version arrives while it runs, so live work is interrupted as well as work found at start.
                var id = ids[i % Warnings];
                var next = ++versions[id];
                await WarningAppends.AppendAsync(store, registry, i < Warnings
                    ? SampleWarnings.Resolved(SampleWarnings.Snapshot(id), next)
                    : SampleWarnings.Updated(SampleWarnings.Snapshot(id), next));
                await Task.Delay(random.Next(50, 300));
                var open = receiver.OpenRequests;
                await dispatch.KillAsync();
                // In flight: a request the receiver was still answering, or one it accepted whose outcome the dispatch
                // had not recorded yet. Either is sent again by the next run.
                var recorded = (await OutcomesAsync(store, registry)).OfType<WarningDelivered>().Select(d => (d.Recipient, d.IdempotencyKey)).ToHashSet();
                var unrecorded = receiver.Requests.Where(r => r.Status == 200).Select(r => (r.Endpoint, r.IdempotencyKey)).Distinct().Count(k => !recorded.Contains(k));
                output.WriteLine($"kill {i + 1}: {open} requests open, {unrecorded} accepted but unrecorded, {recorded.Count} recorded");
                if (open + unrecorded > 0)
                    killedInFlight++;
            }

            Assert.True(killedInFlight >= 3, $"only {killedInFlight} of {Kills} kills caught deliveries in flight; the test did not test crashes");
            var outcomes = await OutcomesAsync(store, registry);
            Assert.Empty(outcomes.OfType<WarningDeliveryFailed>());
            var delivered = outcomes.OfType<WarningDelivered>().ToList();
            var expectedKeys = ids.SelectMany(id => Enumerable.Range(1, versions[id]).Select(v => $"{id}:{v}")).Order(StringComparer.Ordinal).ToList();
            foreach (var (name, _) in recipients)
            {
                // Exactly one recorded delivery per warning, version and recipient.
                Assert.Equal(expectedKeys, delivered.Where(d => d.Recipient == name).Select(d => d.IdempotencyKey).Order(StringComparer.Ordinal));
                // Every version reached every recipient, and a key was repeated at most once per kill.
                var accepted = receiver.For(name).Where(r => r.Status == 200).Select(r => r.IdempotencyKey).ToList();
                Assert.Equal(expectedKeys, accepted.Distinct().Order(StringComparer.Ordinal));
                Assert.True(accepted.Count - expectedKeys.Count <= Kills, $"{name} accepted {accepted.Count - expectedKeys.Count} repeats over {Kills} kills");
                Assert.All(receiver.For(name), r => Assert.True(r.SignatureValid));
            }
            output.WriteLine($"{receiver.Requests.Count(r => r.Status == 200)} accepted requests for {delivered.Count} deliveries");
        }
        finally
        {
            await PostgresServer.DropSchemasAsync([schema]);
        }
    }

    private static ChildProcess Start(string schema, (string Name, Uri Url)[] recipients)
    {
        var environment = new Dictionary<string, string>
        {
            ["EventStore__Adapter"] = "postgres",
            ["ConnectionStrings__EventStore"] = PostgresServer.ConnectionString,
            ["EventStore__Postgres__Schema"] = schema,
            ["Urls"] = $"http://127.0.0.1:{Ports.Free()}",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Dispatch__Attempts"] = "6",
            ["Dispatch__BaseDelay"] = "00:00:00.020",
            ["Dispatch__MaxDelay"] = "00:00:00.200",
            ["Dispatch__AttemptTimeout"] = "00:00:05",
        };
        foreach (var (key, value) in Recipients.Of(recipients))
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value!;
        return ChildProcess.Start(BuiltProgram.Locate("src", "EarlyWarning.Dispatch.Service"), [], null, environment);
    }

    private static async Task<List<object>> OutcomesAsync(IEventStore store, EventTypeRegistry registry)
    {
        var outcomes = new List<object>();
        await foreach (var recorded in store.ReadAllAsync(GlobalPosition.Start, long.MaxValue, EventFilter.ForStreams(SocStreams.SocPrefix)))
        {
            if (registry.Deserialize(recorded) is WarningDelivered or WarningDeliveryFailed)
                outcomes.Add(registry.Deserialize(recorded)!);
        }
        return outcomes;
    }
}
