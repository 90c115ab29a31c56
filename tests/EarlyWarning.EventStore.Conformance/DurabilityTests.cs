using EarlyWarning.EventStore;
using Xunit;

namespace EarlyWarning.EventStore.Conformance;

/// <summary>
/// An acknowledged append survives the writer being killed at any moment: a child process appends and
/// reports each acknowledgement, and is killed with SIGKILL at a random point, five times over one store.
/// </summary>
public abstract class DurabilityTests<THarness>(THarness harness) : StoreTests<THarness>(harness)
    where THarness : class, IStoreHarness
{
    [Fact]
    public async Task every_acknowledged_append_survives_sigkill_and_the_store_opens_cleanly()
    {
        await Store.DisposeAsync();
        var random = new Random();
        var acknowledged = new List<Guid>();

        for (var round = 0; round < 5; round++)
        {
            using var writer = CrashWriterProcess.Start(Harness.CrashWriterArguments(Location));
            await writer.WaitForAcknowledgementsAsync(random.Next(20, 400), TimeSpan.FromSeconds(60));
            await Task.Delay(random.Next(0, 50)); // kill between acknowledgements too, not only right after one
            await writer.KillAsync();
            acknowledged.AddRange(writer.Acknowledged);

            await Harness.VerifyIntegrityAsync(Location);
            var store = await Harness.OpenAsync(Location);
            try
            {
                var recorded = (await store.ReadAllAfterAsync(GlobalPosition.Start)).Select(e => e.EventId).ToHashSet();
                var lost = acknowledged.Where(id => !recorded.Contains(id)).ToList();
                Assert.True(lost.Count == 0, $"round {round}: {lost.Count} acknowledged appends lost, e.g. {lost.FirstOrDefault()}");

                // The store still takes writes after the crash.
                await store.AppendToStreamAsync(TestEvents.UniqueStream("after-crash"), ExpectedRevision.NoStream, TestEvents.New());
            }
            finally
            {
                await store.DisposeAsync();
            }
        }

        Assert.True(acknowledged.Count >= 100, $"only {acknowledged.Count} appends were acknowledged over five rounds");
    }
}
