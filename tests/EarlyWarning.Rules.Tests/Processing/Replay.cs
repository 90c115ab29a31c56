using EarlyWarning.EventStore;
using EarlyWarning.Rules.Engine;
using EarlyWarning.Rules.Processing;
using Microsoft.Extensions.Logging.Abstractions;

namespace EarlyWarning.Rules.Tests.Processing;

/// <summary>A fresh rules instance over a store's whole history, appending nothing: what it would write, in order.</summary>
public static class Replay
{
    public static async Task<List<(StreamName Stream, EventData Event)>> WarningAppendsAsync(IEventStore store, EventTypeRegistry registry)
    {
        var handler = new RulesHandler(new RuleEngine(), registry, Gazetteer.Gazetteer.Default, NullLogger.Instance);
        var appends = new List<(StreamName, EventData)>();
        await foreach (var recorded in store.ReadAllAsync(GlobalPosition.Start, long.MaxValue, EngineInput.Filter))
        {
            var context = new HandlerContext();
            await handler.HandleAsync(recorded, context, CancellationToken.None);
            foreach (var append in context.Appends)
                appends.AddRange(append.Events.Select(e => (append.Stream, e)));
        }
        return appends;
    }

    /// <summary>Asserts that the store holds exactly the warning events a replay writes: same ids, streams, types and bytes, in the same order.</summary>
    public static async Task AssertStoreEqualsReplayAsync(IEventStore store, EventTypeRegistry registry, IReadOnlyList<RecordedEvent> stored)
    {
        var replayed = await WarningAppendsAsync(store, registry);
        for (var i = 0; i < Math.Min(stored.Count, replayed.Count); i++)
        {
            var (stream, expected) = replayed[i];
            var actual = stored[i];
            var where = $"warning event {i} ({actual.Stream}@{actual.Revision} {actual.Type})";
            Assert.True(stream == actual.Stream, $"{where}: replay wrote it to {stream}");
            Assert.True(expected.EventId == actual.EventId, $"{where}: replay's event id is {expected.EventId}, the store's {actual.EventId}");
            Assert.True(expected.Type == actual.Type, $"{where}: replay wrote {expected.Type}");
            Assert.True(
                expected.Data.Span.SequenceEqual(actual.Data.Span),
                $"{where}: content differs{Environment.NewLine}replay: {System.Text.Encoding.UTF8.GetString(expected.Data.Span)}{Environment.NewLine}store:  {System.Text.Encoding.UTF8.GetString(actual.Data.Span)}");
        }
        Assert.Equal(replayed.Count, stored.Count);
    }
}
