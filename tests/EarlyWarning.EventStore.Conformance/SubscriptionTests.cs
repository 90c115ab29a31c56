using EarlyWarning.EventStore;
using EarlyWarning.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace EarlyWarning.EventStore.Conformance;

public abstract class SubscriptionTests<THarness>(THarness harness) : StoreTests<THarness>(harness)
    where THarness : class, IStoreHarness
{
    [Fact]
    public async Task a_subscription_from_a_checkpoint_gets_history_then_live_events_in_order()
    {
        var stream = TestEvents.UniqueStream();
        var history = TestEvents.Many(5);
        await Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, history);
        var recorded = await Store.ReadWholeStreamAsync(stream);
        await Store.AppendAsync([], new Checkpoint("sub-" + Guid.NewGuid(), recorded[1].Position));

        await using var probe = new SubscriptionProbe(Store, recorded[1].Position);
        await probe.WaitUntilAsync(m => m.OfType<SubscriptionMessage.CaughtUp>().Any(), what: "caught-up");

        var live = TestEvents.Many(3);
        foreach (var e in live)
            await Store.AppendToStreamAsync(stream, ExpectedRevision.Any, e);
        await probe.WaitForEventsAsync(6);

        Assert.Equal(history.Skip(2).Concat(live).Select(e => e.EventId), probe.Events.Select(e => e.EventId));
        var messages = probe.Messages;
        var caughtUp = messages.ToList().FindIndex(m => m is SubscriptionMessage.CaughtUp);
        Assert.Equal(3, caughtUp);
        Assert.Equal(recorded[^1].Position, ((SubscriptionMessage.CaughtUp)messages[caughtUp]).Position);
    }

    [Fact]
    public async Task a_subscription_with_a_filter_sees_only_matching_events_live()
    {
        var start = await Store.GetHeadPositionAsync();
        var type = "V1.Only" + Guid.NewGuid().ToString("N")[..8];
        await using var probe = new SubscriptionProbe(Store, start, EventFilter.ForEventTypes(type));
        await probe.WaitUntilAsync(m => m.OfType<SubscriptionMessage.CaughtUp>().Any(), what: "caught-up");

        var stream = TestEvents.UniqueStream();
        await Store.AppendToStreamAsync(stream, ExpectedRevision.Any, [TestEvents.New("V1.Other"), TestEvents.New(type), TestEvents.New("V1.Other")]);
        await Store.AppendToStreamAsync(stream, ExpectedRevision.Any, [TestEvents.New(type)]);
        await probe.WaitForEventsAsync(2);

        Assert.All(probe.Events, e => Assert.Equal(type, e.Type));
    }

    [Fact]
    public async Task a_live_filtered_subscription_reports_how_far_it_has_read_past_events_it_passes_over()
    {
        var start = await Store.GetHeadPositionAsync();
        var type = "V1.Only" + Guid.NewGuid().ToString("N")[..8];
        await using var probe = new SubscriptionProbe(Store, start, EventFilter.ForEventTypes(type));
        await probe.WaitUntilAsync(m => m.OfType<SubscriptionMessage.CaughtUp>().Any(), what: "caught-up");

        var stream = TestEvents.UniqueStream();
        await Store.AppendToStreamAsync(stream, ExpectedRevision.Any, [TestEvents.New(type), TestEvents.New("V1.Other")]);
        var head = await Store.GetHeadPositionAsync();
        await probe.WaitUntilAsync(m => m.OfType<SubscriptionMessage.CheckpointReached>().Any(c => c.Position >= head), what: "a checkpoint at the head");
        // A commit of only passed-over events is read to its end as well.
        await Store.AppendToStreamAsync(stream, ExpectedRevision.Any, [TestEvents.New("V1.Other"), TestEvents.New("V1.Other")]);
        var later = await Store.GetHeadPositionAsync();
        await probe.WaitUntilAsync(m => m.OfType<SubscriptionMessage.CheckpointReached>().Any(c => c.Position >= later), what: "a checkpoint at the later head");

        var messages = probe.Messages.ToList();
        var matched = Assert.Single(probe.Events);
        Assert.True(messages.FindIndex(m => m is SubscriptionMessage.Event) < messages.FindIndex(m => m is SubscriptionMessage.CheckpointReached),
            "the checkpoint comes after the event it reads past");
        Assert.True(matched.Position < head);
        // Checkpoints only move forward, and never repeat a position.
        var checkpoints = messages.OfType<SubscriptionMessage.CheckpointReached>().Select(c => c.Position.Value).ToList();
        Assert.Equal(checkpoints.Order().Distinct(), checkpoints);
    }

    [Fact]
    public async Task a_checkpointed_handler_is_told_it_has_handled_past_events_its_filter_leaves_out()
    {
        var type = "V1.Only" + Guid.NewGuid().ToString("N")[..8];
        var id = "sub-" + Guid.NewGuid();
        await Store.AppendAsync([], new Checkpoint(id, await Store.GetHeadPositionAsync()));
        var handled = new List<GlobalPosition>();
        var caughtUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = new CheckpointedSubscription(Store, id, new NothingHandler(), EventFilter.ForEventTypes(type), NullLogger.Instance) { CheckpointEvery = 1 };
        run.StateChanged += m =>
        {
            if (m is SubscriptionMessage.CaughtUp)
                caughtUp.TrySetResult();
        };
        run.Handled += p =>
        {
            lock (handled)
                handled.Add(p);
        };
        using var stop = new CancellationTokenSource();
        var task = run.RunAsync(stop.Token);
        await caughtUp.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var stream = TestEvents.UniqueStream();
        await Store.AppendToStreamAsync(stream, ExpectedRevision.Any, [TestEvents.New(type), TestEvents.New("V1.Other"), TestEvents.New("V1.Other")]);
        var head = await Store.GetHeadPositionAsync();
        try
        {
            await Eventually.TrueAsync(() => HasReached(head), TimeSpan.FromSeconds(30), $"the handler to be told it has handled up to the head {head}",
                () => $"handled up to {string.Join(", ", handled)}");
        }
        finally
        {
            await stop.CancelAsync();
        }
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);

        // The stored checkpoint moved past them too (lazily: here CheckpointEvery is 1), though nothing was appended.
        Assert.Equal(head, await Store.LoadCheckpointAsync(id));

        bool HasReached(GlobalPosition position)
        {
            lock (handled)
                return handled.Count > 0 && handled[^1] >= position;
        }
    }

    private sealed class NothingHandler : IEventHandler
    {
        public ValueTask HandleAsync(RecordedEvent recorded, HandlerContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    [Fact]
    public async Task a_subscription_cancelled_between_two_messages_ends_by_throwing_not_as_if_the_store_had_ended()
    {
        var store = await OpenAsync(new EventStoreOptions { ReadPageSize = 10 });
        var start = await store.GetHeadPositionAsync();
        var stream = TestEvents.UniqueStream();
        // Exactly one full page: after its last event the subscription reads again at once, without waiting.
        await store.AppendToStreamAsync(stream, ExpectedRevision.NoStream, TestEvents.Many(10));
        using var cancel = new CancellationTokenSource();
        var messages = store.SubscribeToAllAsync(start, EventFilter.ForStreams(stream.Value), cancel.Token).GetAsyncEnumerator(CancellationToken.None);
        await using (messages)
        {
            for (var i = 0; i < 10; i++)
            {
                Assert.True(await messages.MoveNextAsync());
                Assert.IsType<SubscriptionMessage.Event>(messages.Current);
            }

            await cancel.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await messages.MoveNextAsync());
        }
    }

    [Fact]
    public async Task a_live_subscription_reports_falling_behind_and_catching_up_again()
    {
        var store = await OpenAsync(new EventStoreOptions { ReadPageSize = 10 });
        var start = await store.GetHeadPositionAsync();
        await using var probe = new SubscriptionProbe(store, start);
        await probe.WaitUntilAsync(m => m.OfType<SubscriptionMessage.CaughtUp>().Any(), what: "caught-up");

        // One commit of five pages: the live reader wakes to a full page.
        await store.AppendToStreamAsync(TestEvents.UniqueStream(), ExpectedRevision.NoStream, TestEvents.Many(50));
        await probe.WaitForEventsAsync(50);
        await probe.WaitUntilAsync(m => m.OfType<SubscriptionMessage.CaughtUp>().Count() >= 2, what: "a second caught-up");

        var kinds = probe.Messages.Select(m => m.GetType().Name).Where(n => n != nameof(SubscriptionMessage.Event)).ToList();
        Assert.Equal([nameof(SubscriptionMessage.CaughtUp), nameof(SubscriptionMessage.FellBehind), nameof(SubscriptionMessage.CaughtUp)], kinds);
    }

    [Fact]
    public async Task stopping_and_resuming_from_the_stored_checkpoint_loses_and_repeats_nothing()
    {
        var id = "resume-" + Guid.NewGuid().ToString("N");
        var source = "src" + Guid.NewGuid().ToString("N")[..8];
        var written = new List<Guid>();
        for (var i = 0; i < 40; i++)
        {
            var e = TestEvents.New();
            written.Add(e.EventId);
            await Store.AppendToStreamAsync(StreamName.For(source, (i % 4).ToString()), ExpectedRevision.Any, e);
        }

        var effects = StreamName.For("effects", id);
        var handler = new CopyingHandler(effects);
        var filter = EventFilter.ForStreams(source + "-");

        // Three runs, each stopped by cancellation part-way; every effect must land exactly once overall.
        foreach (var stopAfter in new[] { 7, 19 })
        {
            using var cancel = new CancellationTokenSource();
            handler.StopAfter(stopAfter, cancel);
            var run = new CheckpointedSubscription(Store, id, handler, filter, NullLogger.Instance);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.RunAsync(cancel.Token));
        }

        using (var final = new CancellationTokenSource())
        {
            handler.StopAfter(int.MaxValue, final);
            var run = new CheckpointedSubscription(Store, id, handler, filter, NullLogger.Instance);
            var task = run.RunAsync(final.Token);
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while ((await Store.ReadWholeStreamAsync(effects)).Count < written.Count && DateTime.UtcNow < deadline)
                await Task.Delay(20);
            await final.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
        }

        var copied = (await Store.ReadWholeStreamAsync(effects)).Select(e => Guid.Parse(System.Text.Encoding.UTF8.GetString(e.Data.Span).Trim('"'))).ToList();
        Assert.Equal(written, copied);
        // Caught up, the checkpoint sits at or past the last matching event: a filtered run records how far it scanned.
        var last = (await Store.ReadAllAfterAsync(GlobalPosition.Start, filter)).Last().Position;
        var checkpoint = await Store.LoadCheckpointAsync(id);
        Assert.NotNull(checkpoint);
        Assert.InRange(checkpoint.Value.Value, last.Value, (await Store.GetHeadPositionAsync()).Value);
    }

    /// <summary>Copies each event's id into an effects stream (fresh event ids, so a repeat would show).</summary>
    private sealed class CopyingHandler(StreamName effects) : IEventHandler
    {
        private int _remaining;
        private CancellationTokenSource? _cancel;

        public void StopAfter(int count, CancellationTokenSource cancel)
        {
            _remaining = count;
            _cancel = cancel;
        }

        public ValueTask HandleAsync(RecordedEvent recorded, HandlerContext context, CancellationToken cancellationToken)
        {
            if (_remaining-- <= 0)
            {
                _cancel!.Cancel();
                cancellationToken.ThrowIfCancellationRequested();
            }
            context.Append(effects, ExpectedRevision.Any, TestEvents.New("V1.Copied", $"\"{recorded.EventId}\""));
            return ValueTask.CompletedTask;
        }
    }
}
