using EarlyWarning.Contracts.Warnings;
using EarlyWarning.EventStore;
using EarlyWarning.Rules.Engine;
using Microsoft.Extensions.Logging;

namespace EarlyWarning.Rules.Processing;

/// <summary>
/// The rules service's handler: feeds each event to the engine and appends the warning events it decides on. The
/// checkpointed subscription commits those appends with the checkpoint, so a crash neither loses nor repeats one.
/// Expected revisions follow the warning's version, so a second writer with the same history fails loudly
/// instead of writing a warning twice.
/// </summary>
internal sealed class RulesHandler(RuleEngine engine, EventTypeRegistry registry, Gazetteer.Gazetteer gazetteer, ILogger logger) : IEventHandler
{
    private readonly List<EmittedWarningEvent> _output = [];

    public ValueTask HandleAsync(RecordedEvent recorded, HandlerContext context, CancellationToken cancellationToken)
    {
        _output.Clear();
        EngineInput.Apply(engine, recorded, registry, gazetteer, followActivations: true, _output);
        if (_output.Count == 0)
            return ValueTask.CompletedTask;

        var metadata = new EventMetadata
        {
            CausationId = recorded.EventId.ToString(),
            CorrelationId = recorded.Metadata.CorrelationId,
            TraceParent = recorded.Metadata.TraceParent,
            TraceState = recorded.Metadata.TraceState,
            Source = "rules",
        };
        foreach (var emitted in _output)
            Log(emitted.Event);
        foreach (var warning in _output.GroupBy(e => e.WarningId))
        {
            var events = warning.ToList();
            var first = events[0].Version;
            var expected = first == 1 ? ExpectedRevision.NoStream : ExpectedRevision.Exact(new StreamRevision(first - 2));
            context.Append(
                WarningStreams.Warning(warning.Key),
                expected,
                events.Select(e => registry.ToEventData(e.Event, WarningIds.EventId(e.WarningId, e.Version), metadata)).ToArray());
        }
        return ValueTask.CompletedTask;
    }

    private void Log(object @event)
    {
        switch (@event)
        {
            case WarningRaised raised:
                logger.LogWarning("Warning raised [{Severity}] {Headline} ({WarningId})", raised.Warning.Severity, raised.Warning.Headline, raised.Warning.WarningId);
                break;
            case WarningUpdated updated:
                logger.LogInformation("Warning updated [{Severity}] {Headline}: {Changes} ({WarningId})", updated.Warning.Severity, updated.Warning.Headline, string.Join("; ", updated.Changes), updated.Warning.WarningId);
                break;
            case WarningResolved resolved:
                logger.LogInformation("Warning resolved ({Reason}) {Headline} ({WarningId})", resolved.Reason, resolved.Warning.Headline, resolved.Warning.WarningId);
                break;
        }
    }
}
