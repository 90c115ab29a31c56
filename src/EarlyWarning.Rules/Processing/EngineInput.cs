using EarlyWarning.Contracts.Rules;
using EarlyWarning.EventStore;
using EarlyWarning.Rules.Engine;
using EarlyWarning.Rules.Loading;

namespace EarlyWarning.Rules.Processing;

/// <summary>
/// The one way a recorded event reaches the engine, shared by the live service, its rebuild after a restart and
/// the back-test, so all three evaluate the same inputs the same way.
/// </summary>
internal static class EngineInput
{
    /// <summary>Stream prefixes of everything the engine reads from <c>$all</c>.</summary>
    public static EventFilter Filter { get; } = EventFilter.ForStreams(Contracts.Incidents.IncidentStreams.IncidentPrefix, RuleStreams.RuleSet.Value, RuleStreams.Silences.Value);

    /// <summary>Feeds one recorded event to the engine. Rule-set activations are taken when <paramref name="followActivations"/> (not in a back-test of another set).</summary>
    public static void Apply(RuleEngine engine, RecordedEvent recorded, EventTypeRegistry registry, Gazetteer.Gazetteer gazetteer, bool followActivations, ICollection<EmittedWarningEvent> output)
    {
        if (IncidentEventDecoder.Carries(recorded))
        {
            if (IncidentEventDecoder.Decode(recorded) is { } incident)
                engine.Apply(incident, recorded.RecordedAt, output);
            return;
        }
        switch (registry.Deserialize(recorded))
        {
            case RuleSetActivated activated when followActivations:
                engine.Activate(RuleSetLoader.Load(activated.Files, gazetteer), recorded.RecordedAt, output);
                break;
            case SilenceAdded silence:
                engine.Apply(silence, recorded.RecordedAt, output);
                break;
            case SilenceRemoved removal:
                engine.Apply(removal, recorded.RecordedAt, output);
                break;
        }
    }
}
