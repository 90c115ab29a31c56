namespace EarlyWarning.Partners.Replay;

/// <summary>The body of <c>POST /api/partners/{name}/redeliver</c>: a channel, and where to start, as a position or a time.</summary>
/// <param name="Channel"><c>amqp</c> or <c>webhook</c>.</param>
/// <param name="After">Re-deliver what was recorded after this position (exclusive).</param>
/// <param name="Since">Re-deliver what was recorded from this time on (ISO 8601 with its offset).</param>
public sealed record RedeliveryRequest(string? Channel, long? After, DateTimeOffset? Since);
