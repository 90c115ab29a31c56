using EarlyWarning.EventStore;

namespace EarlyWarning.Contracts.Rules;

/// <summary>
/// An operator mutes warnings until a time: matching warnings are still evaluated and recorded, but carry a
/// suppression so nobody is notified (Alertmanager's silences).
/// </summary>
/// <param name="SilenceId">The silence's id.</param>
/// <param name="RuleId">The rule to mute, or null for every rule.</param>
/// <param name="ProvinceId">Mute only warnings about this province, or null.</param>
/// <param name="DistrictId">Mute only warnings grouped by this district, or null.</param>
/// <param name="EndsAt">When the silence ends, compared with the time events are recorded.</param>
/// <param name="Reason">Why, for the next operator.</param>
/// <param name="CreatedBy">Who.</param>
[EventType("V1.SilenceAdded")]
public sealed record SilenceAdded(string SilenceId, string? RuleId, string? ProvinceId, string? DistrictId, DateTimeOffset EndsAt, string Reason, string CreatedBy);
