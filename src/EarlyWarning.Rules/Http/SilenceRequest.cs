namespace EarlyWarning.Rules.Http;

/// <summary>The body of <c>POST /api/silences</c>: what an operator asks to mute, and until when.</summary>
/// <param name="RuleId">The rule to mute; every rule when left out.</param>
/// <param name="Province">A province's name or gazetteer id: mute only warnings about it.</param>
/// <param name="District">A district's name or gazetteer id: mute only warnings grouped by it.</param>
/// <param name="EndsAt">When the silence ends: an ISO 8601 time with its offset. Either this or <paramref name="Duration"/>.</param>
/// <param name="Duration">How long from now, as rule files write durations (<c>30m</c>, <c>6h</c>, <c>7d</c>). Either this or <paramref name="EndsAt"/>.</param>
/// <param name="Reason">Why, for the next operator.</param>
/// <param name="CreatedBy">Who.</param>
internal sealed record SilenceRequest(string? RuleId, string? Province, string? District, DateTimeOffset? EndsAt, string? Duration, string? Reason, string? CreatedBy);
