using EarlyWarning.EventStore;

namespace EarlyWarning.Rules.Engine;

/// <summary>
/// Warning ids and warning event ids are derived, never random: a replay must produce the same ids as the live
/// run, and a retried append of the same event is then an idempotent no-op in the store.
/// </summary>
public static class WarningIds
{
    private static readonly Guid Warnings = new("3f0c6a52-8d1e-4c1b-9a57-5b8e2f7d4c10");
    private static readonly Guid Events = new("a7d2e4f1-6b3c-4e8a-b1d9-0c5f7e2a9b36");

    /// <summary>
    /// The id of the warning of <paramref name="ruleId"/> for <paramref name="groupKey"/> whose pattern first held at
    /// incident <paramref name="firstIncidentId"/> as it occurred at <paramref name="firstHeldAt"/>.
    /// </summary>
    public static string For(string ruleId, string groupKey, string firstIncidentId, DateTimeOffset firstHeldAt) =>
        EventIds.FromName(Warnings, $"{ruleId}|{groupKey}|{firstIncidentId}|{firstHeldAt.UtcDateTime:O}").ToString("N");

    /// <summary>The event id of version <paramref name="version"/> of a warning.</summary>
    public static Guid EventId(string warningId, int version) => EventIds.FromName(Events, $"{warningId}|{version}");
}
