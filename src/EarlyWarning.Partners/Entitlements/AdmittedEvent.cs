using System.Text.Json.Nodes;

namespace EarlyWarning.Partners.Entitlements;

/// <summary>An event a partner may see, as every channel hands it over: where it is in the store, and its redacted data.</summary>
/// <param name="Position">Its position in <c>$all</c>: what a partner resumes from.</param>
/// <param name="Id">The event's id, unique in the store: a partner's idempotency key.</param>
/// <param name="Type">Its wire name, e.g. <c>V1.WarningRaised</c>.</param>
/// <param name="Stream">Its stream, e.g. <c>warning-…</c>.</param>
/// <param name="Time">When the store recorded it.</param>
/// <param name="Data">The event's JSON with what the entitlement does not allow taken out.</param>
public sealed record AdmittedEvent(long Position, Guid Id, string Type, string Stream, DateTimeOffset Time, JsonObject Data);
