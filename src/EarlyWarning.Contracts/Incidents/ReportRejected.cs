using EarlyWarning.EventStore;

namespace EarlyWarning.Contracts.Incidents;

/// <summary>
/// A message from the bus that ingest could not accept, recorded with every reason so that a source's
/// operator can see what went wrong (<c>GET /api/rejections</c>). It is never retried: the same message
/// would fail the same way. Rejections over HTTP are answered instead and change nothing.
/// </summary>
/// <param name="MessageType">The kind of message: <c>incident-reported</c>, <c>incident-corrected</c>, <c>incident-retracted</c>, or <c>unreadable</c> when it could not be read at all.</param>
/// <param name="SourceId">The source id the message gave, when it gave one.</param>
/// <param name="ReportId">The report id the message gave, when it gave one.</param>
/// <param name="MessageId">The bus's message id, when there was one.</param>
/// <param name="Errors">Every reason, by field.</param>
/// <param name="Excerpt">The start of the message body when it could not be read (at most 1,024 characters), else null.</param>
/// <param name="RejectedAt">When ingest rejected it.</param>
[EventType("V1.ReportRejected")]
public sealed record ReportRejected(
    string MessageType,
    string? SourceId,
    string? ReportId,
    string? MessageId,
    IReadOnlyList<FieldError> Errors,
    string? Excerpt,
    DateTimeOffset RejectedAt);
