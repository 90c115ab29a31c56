namespace EarlyWarning.Rules.Engine;

/// <summary>
/// What makes a warning the same warning (docs/rules.md, "Warning ids"): its rule, its group and the incident at
/// which its pattern first held. The engine keys its book by this and derives the id, a name-based hash, only when
/// an event is written or an order among ids is needed: about a microsecond each, once per warning, not per event.
/// </summary>
internal readonly record struct WarningKey(string RuleId, string GroupKey, string FirstIncidentId)
{
    public string Id() => WarningIds.For(RuleId, GroupKey, FirstIncidentId);
}
