using EarlyWarning.Benchmarks.Rules;
using EarlyWarning.Contracts;
using EarlyWarning.Contracts.Incidents;
using EarlyWarning.Contracts.Warnings;
using EarlyWarning.EventStore;
using EarlyWarning.Rules.Engine;
using EarlyWarning.Rules.Model;

namespace EarlyWarning.Benchmarks.Partners;

/// <summary>
/// What partners read: the incident and warning events a store holds once ingest and the rules service have seen
/// the rules suite's realistic history (<see cref="IncidentHistory"/>, 10 incidents a day, seeded). Each incident's
/// <see cref="IncidentRecorded"/> on <c>incident-{id}</c> is followed by the warning events the shipped rules emit
/// for it, on <c>warning-{id}</c> at the warning's version, with the rules service's deterministic event ids: the
/// same streams, types, bodies and order the live services write, without running them. At this rate the engine
/// emits about one warning event per incident (mostly updates), so half of a partner's events are warnings.
/// </summary>
public sealed class RecordedHistory(IncidentHistory incidents, RuleSet ruleSet)
{
    /// <summary>
    /// Incidents to generate per store event wanted: the realistic history gives about 1.05 warning events per
    /// incident (docs/benchmarks.md, rules), so 0.75 leaves a margin; the history is seeded, so a count that works
    /// once always does.
    /// </summary>
    public const double IncidentsPerEvent = 0.75;

    private static readonly EventMetadata IngestMetadata = new() { Source = "ingest" };

    /// <summary>The events in store order, one stream append each, expected revisions as their writers set them.</summary>
    /// <exception cref="InvalidOperationException">More events were asked for than the history makes.</exception>
    public IEnumerable<RecordedHistoryEvent> Events(int count)
    {
        var registry = ContractTypes.CreateRegistry();
        var engine = new RuleEngine();
        var output = new List<EmittedWarningEvent>();
        var arrivals = incidents.Arrivals;
        engine.Activate(ruleSet, arrivals[0].RecordedAt, output);
        output.Clear();
        var made = 0;
        for (var i = 0; i < arrivals.Count; i++)
        {
            var incident = arrivals[i].Incident;
            var eventId = EventIds.New();
            var recorded = new IncidentRecorded(incident.IncidentId, IncidentHistory.ReportOf(incident, i), incident);
            yield return new RecordedHistoryEvent(
                new StreamAppend(IncidentStreams.Incident(incident.IncidentId), ExpectedRevision.NoStream, [registry.ToEventData(recorded, eventId, IngestMetadata)]),
                recorded);
            if (++made == count)
                yield break;

            engine.Apply(incident, arrivals[i].RecordedAt, output);
            // As RulesHandler writes them: caused by the incident's event, version n expecting revision n − 2.
            var metadata = new EventMetadata { Source = "rules", CausationId = eventId.ToString() };
            foreach (var emitted in output)
            {
                var expected = emitted.Version == 1 ? ExpectedRevision.NoStream : ExpectedRevision.Exact(new StreamRevision(emitted.Version - 2));
                var data = registry.ToEventData(emitted.Event, WarningIds.EventId(emitted.WarningId, emitted.Version), metadata);
                yield return new RecordedHistoryEvent(new StreamAppend(WarningStreams.Warning(emitted.WarningId), expected, [data]), emitted.Event);
                if (++made == count)
                    yield break;
            }
            output.Clear();
        }
        throw new InvalidOperationException(
            $"the history of {Format.Count(arrivals.Count)} incidents made only {Format.Count(made)} of the {Format.Count(count)} store events wanted; raise {nameof(IncidentsPerEvent)}");
    }
}
