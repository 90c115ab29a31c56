namespace EarlyWarning.Rules.Engine;

/// <summary>
/// What makes a warning the same warning (docs/rules.md, "Episodes"): its rule, its group and the firing point at
/// which its pattern first held, an incident at a time. The time is part of it because an incident can be at two:
/// a correction that moves it from before the watermark leaves its earlier version there, and both may start an
/// episode of the same group. The engine keys its book by this and derives the id, a name-based hash, only when an
/// event is written or an order among ids is needed: about a microsecond each, once per warning, not per event.
/// </summary>
internal readonly record struct WarningKey(string RuleId, string GroupKey, string FirstIncidentId, long FirstTicks)
{
    public string Id() => WarningIds.For(RuleId, GroupKey, FirstIncidentId, new DateTimeOffset(FirstTicks, TimeSpan.Zero));
}
