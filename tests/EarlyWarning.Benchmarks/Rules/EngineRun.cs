using EarlyWarning.Rules.Engine;
using EarlyWarning.Rules.Model;

namespace EarlyWarning.Benchmarks.Rules;

/// <summary>
/// What the engine figure measures: a fresh <see cref="RuleEngine"/>, the rule set activated, then every incident
/// of the history applied in arrival order, the output list cleared after each, as the back-tester does. The
/// warning events are counted by <see cref="EmittedWarningEvent.Kind"/> on the way, so the figure says how often the
/// rules fired without a second pass. Their contract records are not read: that is the writer's work (decision 0013),
/// measured in the live figure.
/// </summary>
public sealed class EngineRun(RuleSet ruleSet, IReadOnlyList<Arrival> arrivals)
{
    public RuleSet RuleSet => ruleSet;

    public int Count => arrivals.Count;

    /// <summary>What the last <see cref="Run"/> emitted.</summary>
    public EngineOutput? LastOutput { get; private set; }

    public EngineOutput Run()
    {
        var engine = new RuleEngine();
        var output = new List<EmittedWarningEvent>();
        engine.Activate(ruleSet, arrivals[0].RecordedAt, output);
        output.Clear();
        long raised = 0, updated = 0, resolved = 0;
        var perRule = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < arrivals.Count; i++)
        {
            var arrival = arrivals[i];
            engine.Apply(arrival.Incident, arrival.RecordedAt, output);
            foreach (var emitted in output)
            {
                switch (emitted.Kind)
                {
                    case WarningEventKind.Raised:
                        raised++;
                        perRule[emitted.RuleId] = perRule.GetValueOrDefault(emitted.RuleId) + 1;
                        break;
                    case WarningEventKind.Updated:
                        updated++;
                        break;
                    case WarningEventKind.Resolved:
                        resolved++;
                        break;
                }
            }
            output.Clear();
        }
        return LastOutput = new EngineOutput(raised, updated, resolved, engine.TooLate, perRule);
    }
}
