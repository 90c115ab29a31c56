using EarlyWarning.EventStore;

namespace EarlyWarning.Contracts.Partners;

/// <summary>
/// An event a partner is entitled to could not be delivered on a push channel: every attempt the policy allows
/// failed, or the receiver refused it. The channel moved on; an operator sees it at
/// <c>GET /api/partners/{name}/deliveries?state=dead</c> and can re-deliver from before it.
/// </summary>
/// <param name="Partner">The partner's name.</param>
/// <param name="Channel">How: <c>webhook</c>.</param>
/// <param name="EventId">The undelivered event, also the <c>Idempotency-Key</c> every attempt carried.</param>
/// <param name="EventType">Its wire name.</param>
/// <param name="Stream">Its stream.</param>
/// <param name="Position">Its position in <c>$all</c>: re-deliver after <c>Position - 1</c> to send it again.</param>
/// <param name="Attempts">How many requests were sent.</param>
/// <param name="StatusCode">The last answer's HTTP status, 0 when none came.</param>
/// <param name="Error">Why it failed, for the operator.</param>
/// <param name="FailedAt">When the channel gave up.</param>
[EventType("V1.PartnerDeliveryFailed")]
public sealed record PartnerDeliveryFailed(
    string Partner,
    string Channel,
    Guid EventId,
    string EventType,
    string Stream,
    long Position,
    int Attempts,
    int StatusCode,
    string Error,
    DateTimeOffset FailedAt);
