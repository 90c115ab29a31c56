using EarlyWarning.Contracts.Incidents;
using EarlyWarning.Contracts.Rules;
using EarlyWarning.Rules.Model;

namespace EarlyWarning.Rules.Engine;

/// <summary>
/// Evaluates a rule set on event time, one input at a time, and says which warning events follow
/// (docs/rules.md, "Semantics"). Deterministic: the same inputs in the same order give the same events,
/// which is what makes a replay equal the live run. Not thread-safe; one loop drives it.
/// </summary>
public sealed class RuleEngine
{
    /// <summary>The rule set in force, or null before the first activation.</summary>
    public RuleSet? RuleSet => throw new NotImplementedException();

    /// <summary>The greatest occurred-at of every incident event processed.</summary>
    public DateTimeOffset? Frontier => throw new NotImplementedException();

    /// <summary>Frontier minus the allowed lateness: incident events before it change nothing.</summary>
    public DateTimeOffset? Watermark => throw new NotImplementedException();

    /// <summary>Incident events that arrived before the watermark and were not evaluated.</summary>
    public long TooLate => throw new NotImplementedException();

    /// <summary>Every warning the engine has recorded, open and resolved, by id order.</summary>
    public IReadOnlyList<KnownWarning> Warnings => throw new NotImplementedException();

    /// <summary>Puts <paramref name="ruleSet"/> in force (docs/rules.md, "Activation").</summary>
    public void Activate(RuleSet ruleSet, DateTimeOffset recordedAt, ICollection<EmittedWarningEvent> output) => throw new NotImplementedException();

    /// <summary>An incident as it now stands (from any event of its stream), recorded at <paramref name="recordedAt"/>.</summary>
    public void Apply(IncidentSummary incident, DateTimeOffset recordedAt, ICollection<EmittedWarningEvent> output) => throw new NotImplementedException();

    public void Apply(SilenceAdded silence, DateTimeOffset recordedAt, ICollection<EmittedWarningEvent> output) => throw new NotImplementedException();

    public void Apply(SilenceRemoved removal, DateTimeOffset recordedAt, ICollection<EmittedWarningEvent> output) => throw new NotImplementedException();
}
