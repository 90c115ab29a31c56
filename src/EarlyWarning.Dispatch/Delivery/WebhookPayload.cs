using EarlyWarning.Contracts.Warnings;

namespace EarlyWarning.Dispatch.Delivery;

/// <summary>
/// The JSON body of a webhook (camelCase). It is the same bytes on every attempt of one idempotency key; only the
/// signature's timestamp changes between attempts.
/// </summary>
/// <param name="WarningId">The warning.</param>
/// <param name="Version">The warning's version this message carries.</param>
/// <param name="Kind"><c>raised</c>, <c>updated</c> or <c>resolved</c>.</param>
/// <param name="Recipient">Whom it is addressed to, by configured name.</param>
/// <param name="Escalation">0 for a first-line delivery, n for the n-th escalation of the warning.</param>
/// <param name="IdempotencyKey">Also in the <c>Idempotency-Key</c> header: <c>{warningId}:{version}</c>, with <c>:e{n}</c> for an escalation.</param>
/// <param name="Warning">The warning as it stands at this version.</param>
/// <param name="Changes">For <c>updated</c>: what changed.</param>
/// <param name="Reason">For <c>resolved</c>: why.</param>
/// <param name="SupersededBy">For a resolution as <c>superseded</c>: the warning that now covers it.</param>
/// <param name="KnownAt">When the system could first know this version.</param>
/// <param name="Links">The warning and its CAP alert in the warnings API.</param>
public sealed record WebhookPayload(
    string WarningId,
    int Version,
    string Kind,
    string Recipient,
    int Escalation,
    string IdempotencyKey,
    WarningSnapshot Warning,
    IReadOnlyList<string>? Changes,
    string? Reason,
    string? SupersededBy,
    DateTimeOffset KnownAt,
    WebhookLinks Links);
