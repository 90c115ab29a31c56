using System.Text.Json;

namespace EarlyWarning.Dispatch.Tests;

/// <summary>One webhook request as the receiver saw it, and how it answered.</summary>
public sealed record ReceivedRequest(string Endpoint, string IdempotencyKey, bool SignatureValid, int Status, JsonElement Body, DateTimeOffset At);
