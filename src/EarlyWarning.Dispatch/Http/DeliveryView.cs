namespace EarlyWarning.Dispatch.Http;

/// <summary>One recorded delivery outcome, as operators see it.</summary>
/// <param name="WarningId">The warning.</param>
/// <param name="Version">The warning's version.</param>
/// <param name="Recipient">The recipient's configured name.</param>
/// <param name="Channel"><c>webhook</c>.</param>
/// <param name="State"><c>delivered</c> or <c>dead</c>.</param>
/// <param name="IdempotencyKey">The key the receiver saw.</param>
/// <param name="Attempts">Requests sent.</param>
/// <param name="StatusCode">The receiver's last status, when it answered.</param>
/// <param name="Error">Why it was dead-lettered.</param>
/// <param name="Escalation">0 first-line, n for the n-th escalation.</param>
/// <param name="At">When it was delivered or dead-lettered.</param>
/// <param name="Position">Its position in the store.</param>
public sealed record DeliveryView(
    string WarningId,
    int Version,
    string Recipient,
    string Channel,
    string State,
    string IdempotencyKey,
    int Attempts,
    int? StatusCode,
    string? Error,
    int Escalation,
    DateTimeOffset At,
    long Position);
