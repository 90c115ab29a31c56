using EarlyWarning.EventStore;

namespace EarlyWarning.Contracts.Soc;

/// <summary>
/// Every attempt allowed by the delivery policy failed: the delivery is dead-lettered, visible to operators at
/// <c>GET /api/deliveries?state=dead</c>. Escalation still runs, so an unreachable SOC does not hide a warning.
/// </summary>
/// <param name="WarningId">The warning.</param>
/// <param name="Version">The warning's version that could not be delivered.</param>
/// <param name="Recipient">The recipient's configured name.</param>
/// <param name="Channel">How: <c>webhook</c>.</param>
/// <param name="IdempotencyKey">The key every attempt carried.</param>
/// <param name="Attempts">How many attempts were made.</param>
/// <param name="Error">The last attempt's failure, for the operator.</param>
/// <param name="Escalation">0 for a first-line delivery, n for the n-th escalation.</param>
/// <param name="FailedAt">When the policy was spent.</param>
[EventType("V1.WarningDeliveryFailed")]
public sealed record WarningDeliveryFailed(
    string WarningId,
    int Version,
    string Recipient,
    string Channel,
    string IdempotencyKey,
    int Attempts,
    string Error,
    int Escalation,
    DateTimeOffset FailedAt);
