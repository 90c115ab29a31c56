namespace EarlyWarning.Warnings.Http;

/// <summary>The body of <c>POST /api/warnings/{id}/ack</c>; the body itself may be left out.</summary>
/// <param name="Note">What the operator is doing about it, for the next shift.</param>
public sealed record AckRequest(string? Note);
