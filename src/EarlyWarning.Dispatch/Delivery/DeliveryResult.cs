namespace EarlyWarning.Dispatch.Delivery;

/// <summary>How a delivery ended once the policy let go of it.</summary>
/// <param name="Delivered">A 2xx answer.</param>
/// <param name="Attempts">Requests sent (attempts refused by an open circuit are not requests and are not counted).</param>
/// <param name="StatusCode">The last answer's status, 0 when no answer came.</param>
/// <param name="Error">Why it failed, for the operator; null when delivered.</param>
public sealed record DeliveryResult(bool Delivered, int Attempts, int StatusCode, string? Error);
