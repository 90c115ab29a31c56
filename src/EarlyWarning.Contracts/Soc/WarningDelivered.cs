using EarlyWarning.EventStore;

namespace EarlyWarning.Contracts.Soc;

/// <summary>A recipient's endpoint accepted one version of a warning (a 2xx answer).</summary>
/// <param name="WarningId">The warning.</param>
/// <param name="Version">The warning's version that was delivered.</param>
/// <param name="Recipient">The recipient's configured name.</param>
/// <param name="Channel">How: <c>webhook</c>.</param>
/// <param name="IdempotencyKey">The key the receiver saw: <c>{warning id}:{version}</c>, with <c>:e{n}</c> for the n-th escalation.</param>
/// <param name="Attempts">How many attempts it took, the successful one included.</param>
/// <param name="StatusCode">The receiver's HTTP status.</param>
/// <param name="Escalation">0 for a first-line delivery, n for the n-th escalation.</param>
/// <param name="DeliveredAt">When the receiver answered.</param>
[EventType("V1.WarningDelivered")]
public sealed record WarningDelivered(
    string WarningId,
    int Version,
    string Recipient,
    string Channel,
    string IdempotencyKey,
    int Attempts,
    int StatusCode,
    int Escalation,
    DateTimeOffset DeliveredAt);
