using EarlyWarning.EventStore;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace EarlyWarning.EventStore.Conformance;

public abstract class HandlerTransactionTests<THarness>(THarness harness) : StoreTests<THarness>(harness)
    where THarness : class, IStoreHarness
{
    [Fact]
    public async Task a_handler_that_appends_and_then_throws_leaves_neither_its_append_nor_its_checkpoint()
    {
        var source = TestEvents.UniqueStream("source");
        await Store.AppendToStreamAsync(source, ExpectedRevision.NoStream, TestEvents.Many(3));
        var recorded = await Store.ReadWholeStreamAsync(source);
        var effects = TestEvents.UniqueStream("effects");
        var id = "throwing-" + Guid.NewGuid().ToString("N");

        var handler = new FailingHandler(effects, failOn: recorded[1].EventId);
        var run = new CheckpointedSubscription(Store, id, handler, EventFilter.ForStreams(source.Value), NullLogger.Instance);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => run.RunAsync(CancellationToken.None));

        Assert.Equal("handler failed", error.Message);
        var effect = Assert.Single(await Store.ReadWholeStreamAsync(effects));
        Assert.Equal($"\"{recorded[0].EventId}\"", System.Text.Encoding.UTF8.GetString(effect.Data.Span));
        Assert.Equal(recorded[0].Position, await Store.LoadCheckpointAsync(id));
    }

    [Fact]
    public async Task appends_and_a_checkpoint_commit_together_or_not_at_all()
    {
        var id = "atomic-" + Guid.NewGuid().ToString("N");
        var taken = TestEvents.UniqueStream();
        await Store.AppendToStreamAsync(taken, ExpectedRevision.NoStream, TestEvents.New());
        var fresh = TestEvents.UniqueStream();

        await Assert.ThrowsAsync<WrongExpectedVersionException>(() => Store.AppendAsync(
            [new StreamAppend(fresh, ExpectedRevision.NoStream, TestEvents.Many(1)), new StreamAppend(taken, ExpectedRevision.NoStream, TestEvents.Many(1))],
            new Checkpoint(id, new GlobalPosition(1))));
        Assert.Null(await Store.LoadCheckpointAsync(id));
        Assert.Empty(await Store.ReadWholeStreamAsync(fresh));

        var results = await Store.AppendAsync([new StreamAppend(fresh, ExpectedRevision.NoStream, TestEvents.Many(1))], new Checkpoint(id, new GlobalPosition(1)));
        Assert.Equal(new GlobalPosition(1), await Store.LoadCheckpointAsync(id));
        Assert.Single(await Store.ReadWholeStreamAsync(fresh));
        Assert.False(results[0].AlreadyRecorded);
    }

    private sealed class FailingHandler(StreamName effects, Guid failOn) : IEventHandler
    {
        public ValueTask HandleAsync(RecordedEvent recorded, HandlerContext context, CancellationToken cancellationToken)
        {
            context.Append(effects, ExpectedRevision.Any, TestEvents.New("V1.Effect", $"\"{recorded.EventId}\""));
            if (recorded.EventId == failOn)
                throw new InvalidOperationException("handler failed");
            return ValueTask.CompletedTask;
        }
    }
}
