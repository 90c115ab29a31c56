namespace EarlyWarning.Dispatch.Configuration;

/// <summary>A SOC endpoint warnings are delivered to (<c>Dispatch:Recipients</c>).</summary>
/// <param name="Name">Unique; recorded in every delivery event and used in idempotency and event ids.</param>
/// <param name="Url">The webhook; the circuit breaker is per URL.</param>
/// <param name="Secret">The HMAC key shared with the receiver.</param>
/// <param name="Filter">Which warnings it wants.</param>
/// <param name="Escalation">Where a warning goes when it stays unacknowledged; null for none.</param>
public sealed record Recipient(string Name, Uri Url, string Secret, RecipientFilter Filter, EscalationPolicy? Escalation)
{
    // The record's generated ToString would print the secret into any log line that mentions a recipient.
    public override string ToString() => $"{Name} ({Url})";
}
