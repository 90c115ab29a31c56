using EarlyWarning.Contracts.Warnings;
using EarlyWarning.EventStore;
using EarlyWarning.Rules.Processing;
using EarlyWarning.Sources.Scenario;
using EarlyWarning.Testing;
using Xunit.Abstractions;

namespace EarlyWarning.Rules.Tests.Processing;

/// <summary>
/// The rules service as its own process on PostgreSQL, killed with SIGKILL again and again while the scenario
/// goes in through ingest: afterwards the store must hold exactly the warning events of an uninterrupted run
/// (a replay of the same history: live equals replay), each once.
/// </summary>
public sealed class RulesServiceCrashTests(ITestOutputHelper output)
{
    private const int Kills = 8;

    [Fact]
    public async Task killing_the_rules_service_at_random_points_leaves_the_warnings_of_an_uninterrupted_run_each_once()
    {
        await PostgresServer.EnsureReachableAsync();
        var schema = PostgresServer.NewSchemaName();
        try
        {
            await using var run = await RulesRun.StartAsync(rules: false, postgresSchema: schema);
            var messages = ScenarioFile.Default.Messages;
            var chunk = (messages.Count / (Kills + 1)) + 1;
            var random = new Random(20260130);
            var killedWithWorkLeft = 0;
            for (var i = 0; i <= Kills; i++)
            {
                // A backlog first, so the service is busy catching up when it is killed.
                await run.PlayAsync(messages.Skip(i * chunk).Take(chunk));
                var before = await run.Store.LoadCheckpointAsync(RulesOptions.DefaultSubscriptionId) ?? GlobalPosition.Start;
                using var rules = StartRules(schema);
                if (i == Kills)
                {
                    await Eventually.TrueAsync(async () => await StoreEqualsReplayAsync(run), TimeSpan.FromSeconds(90), "the restarted rules service to catch up", () => string.Join('\n', rules.Errors));
                    break;
                }
                // Killed as soon as its checkpoint passes a random point in the first half of its backlog: a point in
                // its progress, not a moment, so a fast machine does not finish the backlog before the kill.
                var backlog = (await LastInputAsync(run.Store)).Value - before.Value;
                var target = before.Value + random.Next(1, (int)Math.Max(2, backlog / 2));
                var deadline = DateTime.UtcNow.AddSeconds(60);
                while (await run.Store.LoadCheckpointAsync(RulesOptions.DefaultSubscriptionId) is not { } moved || moved.Value < target)
                {
                    Assert.True(DateTime.UtcNow < deadline, "the rules service did not start evaluating: " + string.Join('\n', rules.Errors));
                    await Task.Delay(2);
                }
                await rules.KillAsync();
                var checkpoint = await run.Store.LoadCheckpointAsync(RulesOptions.DefaultSubscriptionId) ?? GlobalPosition.Start;
                var lastInput = await LastInputAsync(run.Store);
                output.WriteLine($"kill {i + 1}: checkpoint {checkpoint}, last input {lastInput}");
                if (checkpoint < lastInput)
                    killedWithWorkLeft++;
            }

            Assert.True(killedWithWorkLeft >= 5, $"only {killedWithWorkLeft} of {Kills} kills left work to redo; the test did not test crashes");
            var warnings = await run.WarningEventsAsync();
            Assert.True(warnings.Count(e => e.Type == "V1.WarningRaised") >= 10);
            Assert.Equal(warnings.Count, warnings.Select(e => e.EventId).Distinct().Count());
            foreach (var stream in warnings.GroupBy(e => e.Stream))
            {
                var versions = stream.Select(e => run.Registry.Deserialize(e) switch
                {
                    WarningRaised r => r.Version,
                    WarningUpdated u => u.Version,
                    WarningResolved r => r.Version,
                    var other => throw new InvalidOperationException($"{e.Type} on {e.Stream}: {other}"),
                }).ToList();
                Assert.Equal(Enumerable.Range(1, versions.Count), versions);
            }
            await Replay.AssertStoreEqualsReplayAsync(run.Store, run.Registry, warnings);
        }
        finally
        {
            await PostgresServer.DropSchemasAsync([schema]);
        }
    }

    private static ChildProcess StartRules(string schema) =>
        ChildProcess.Start(BuiltProgram.Locate("src", "EarlyWarning.Rules.Service"), [], null, new Dictionary<string, string>
        {
            ["EventStore__Adapter"] = "postgres",
            ["ConnectionStrings__EventStore"] = PostgresServer.ConnectionString,
            ["EventStore__Postgres__Schema"] = schema,
            ["Rules__Directory"] = Repository.Rules,
            ["Urls"] = $"http://127.0.0.1:{Ports.Free()}",
            ["Logging__LogLevel__Default"] = "Warning",
        });

    private static async Task<GlobalPosition> LastInputAsync(IEventStore store)
    {
        var last = GlobalPosition.Start;
        await foreach (var e in store.ReadAllAsync(GlobalPosition.Start, long.MaxValue, EngineInput.Filter))
            last = e.Position;
        return last;
    }

    private static async Task<bool> StoreEqualsReplayAsync(RulesRun run)
    {
        var stored = await run.WarningEventsAsync();
        var replayed = await Replay.WarningAppendsAsync(run.Store, run.Registry);
        return stored.Count == replayed.Count && stored.Zip(replayed).All(p => p.First.EventId == p.Second.Event.EventId);
    }
}
